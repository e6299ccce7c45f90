// conform entry: Genkit JS + @genkit-ai/anthropic.
//
// Base URL: ANTHROPIC_BASE_URL (no /v1 suffix, e.g. http://127.0.0.1:8089). The plugin has
// no base-URL option (it builds `new Anthropic({apiKey})`), so redirection relies on the
// @anthropic-ai/sdk reading ANTHROPIC_BASE_URL itself. Key: ANTHROPIC_API_KEY.
// Calls: POST {base}/v1/messages (config.apiVersion "beta": /v1/messages?beta=true);
// GET {base}/v1/models?beta=true when /api/actions is listed.
import { genkit } from 'genkit';
import { anthropic } from '@genkit-ai/anthropic';

export const ai = genkit({
  name: 'conform-anthropic',
  plugins: [anthropic()],
});

// Models exercised by conform's specs. Looking them up resolves them through the plugin
// (no network call) and registers them, so GET /api/actions lists them even when the
// provider's model-list endpoint is unreachable.
export const CONFORM_MODELS = [
  'anthropic/claude-sonnet-4',
  'anthropic/claude-sonnet-4-5',
  'anthropic/claude-haiku-4-5',
  'anthropic/claude-opus-4-6',
];
for (const m of CONFORM_MODELS) {
  await ai.registry.lookupAction(`/model/${m}`);
}
