// What every conform JS entry shares (the underscore keeps it from being taken for a plugin's entry).
import type { Genkit } from 'genkit';

// The models conform asks the entry to register up front: CONFORM_MODELS, comma-separated (check-model sets it to
// the spec's models; `conform models` leaves it empty, so the runtime lists only what the plugin registers itself).
export function conformModels(): string[] {
  return (process.env.CONFORM_MODELS || '')
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m.length > 0);
}

// Looks up those models: the plugin resolves them without a network call and registers them, so
// GET /api/actions lists them even when the provider's model-list endpoint is unreachable.
export async function registerModels(ai: Genkit): Promise<void> {
  for (const m of conformModels()) {
    await ai.registry.lookupAction(`/model/${m}`);
  }
}
