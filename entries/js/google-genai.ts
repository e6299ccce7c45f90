// conform entry: Genkit JS + @genkit-ai/google-genai (Gemini API / googleAI).
//
// Base URL: GOOGLE_GEMINI_BASE_URL (no version suffix, e.g. http://127.0.0.1:8089). The plugin
// does NOT read that variable itself, so the entry passes it as the `baseUrl` option.
// Key: GEMINI_API_KEY / GOOGLE_API_KEY / GOOGLE_GENAI_API_KEY.
// Calls: POST {base}/v1beta/models/{m}:generateContent,
//        POST {base}/v1beta/models/{m}:streamGenerateContent?alt=sse,
//        POST {base}/v1beta/models/{m}:predict (imagen);
//        GET {base}/v1beta/models?pageSize=1000 when /api/actions is listed.
import { genkit } from 'genkit';
import { registerModels } from './_conformrt';
import { googleAI } from '@genkit-ai/google-genai';

const baseUrl = process.env.GOOGLE_GEMINI_BASE_URL || undefined;

export const ai = genkit({
  name: 'conform-google-genai',
  plugins: [googleAI(baseUrl ? { baseUrl } : {})],
});

// The models conform asks for (CONFORM_MODELS), registered up front.
await registerModels(ai);
