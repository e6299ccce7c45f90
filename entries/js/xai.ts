// conform entry: Genkit JS + @genkit-ai/compat-oai's xAI flavour (its models are xai/<model>).
//
// Base URL: XAI_BASE_URL if set (conform's emulator sets it to its /v1), else the plugin's own
// https://api.x.ai/v1; the plugin reads no base-URL variable itself, so the entry passes it.
// Key: XAI_API_KEY. Calls: POST {base}/chat/completions (the OpenAI chat completions API).
import { genkit } from 'genkit';
import { registerModels } from './_conformrt';
import { xAI } from '@genkit-ai/compat-oai/xai';

const baseURL = process.env.XAI_BASE_URL || undefined;

export const ai = genkit({
  name: 'conform-xai',
  plugins: [xAI(baseURL ? { baseURL } : {})],
});

// The models conform asks for (CONFORM_MODELS), registered up front.
await registerModels(ai);
