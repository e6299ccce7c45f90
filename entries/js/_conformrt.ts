// What every conform JS entry shares (the underscore keeps it from being taken for a plugin's entry).
import type { Genkit } from 'genkit';

// Looks up the models conform's spec exercises: the plugin resolves them without a network call and
// registers them, so GET /api/actions lists them even when the provider's model-list endpoint is unreachable.
export async function registerModels(ai: Genkit, models: string[]): Promise<void> {
  for (const m of models) {
    await ai.registry.lookupAction(`/model/${m}`);
  }
}
