// conform entry: Genkit JS + @genkit-ai/compat-oai (OpenAI flavour).
//
// Base URL: OPENAI_BASE_URL (must include the /v1 suffix, e.g. http://127.0.0.1:8089/v1).
// The openai SDK reads OPENAI_BASE_URL / OPENAI_API_KEY by itself; the entry also passes
// the URL explicitly so the redirection does not depend on SDK internals.
// Calls: POST {base}/chat/completions, {base}/images/generations, {base}/audio/speech;
// GET {base}/models when /api/actions is listed.
import { genkit } from 'genkit';
import { registerModels } from './_conformrt';
import { openAI } from '@genkit-ai/compat-oai/openai';

const baseURL = process.env.OPENAI_BASE_URL || undefined;

export const ai = genkit({
  name: 'conform-compat-oai',
  plugins: [openAI(baseURL ? { baseURL } : {})],
});

// The models conform asks for (CONFORM_MODELS), registered up front.
await registerModels(ai);
