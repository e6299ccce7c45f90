// conform entry: Genkit JS + @genkit-ai/compat-oai (OpenAI flavour).
//
// Base URL: OPENAI_BASE_URL (must include the /v1 suffix, e.g. http://127.0.0.1:8089/v1).
// The openai SDK reads OPENAI_BASE_URL / OPENAI_API_KEY by itself; the entry also passes
// the URL explicitly so the redirection does not depend on SDK internals.
// Calls: POST {base}/chat/completions, {base}/images/generations, {base}/audio/speech;
// GET {base}/models when /api/actions is listed.
import { genkit } from 'genkit';
import { openAI } from '@genkit-ai/compat-oai/openai';

const baseURL = process.env.OPENAI_BASE_URL || undefined;

export const ai = genkit({
  name: 'conform-compat-oai',
  plugins: [openAI(baseURL ? { baseURL } : {})],
});

// Models exercised by conform's specs. Looking them up resolves them through the plugin
// (no network call) and registers them, so GET /api/actions lists them even when the
// provider's model-list endpoint is unreachable.
export const CONFORM_MODELS = [
  'openai/gpt-4o',
  'openai/gpt-4o-mini',
  'openai/dall-e-3',
  'openai/tts-1',
];
for (const m of CONFORM_MODELS) {
  await ai.registry.lookupAction(`/model/${m}`);
}
