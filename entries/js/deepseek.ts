// conform entry: Genkit JS + @genkit-ai/compat-oai's DeepSeek flavour (its models are deepseek/<model>).
//
// Base URL: DEEPSEEK_BASE_URL if set (conform's emulator sets it to its /v1), else the plugin's own
// https://api.deepseek.com; the plugin reads no base-URL variable itself, so the entry passes it.
// Key: DEEPSEEK_API_KEY. Calls: POST {base}/chat/completions (the OpenAI chat completions API).
import { genkit } from 'genkit';
import { registerModels } from './_conformrt';
import { deepSeek } from '@genkit-ai/compat-oai/deepseek';

const baseURL = process.env.DEEPSEEK_BASE_URL || undefined;

export const ai = genkit({
  name: 'conform-deepseek',
  plugins: [deepSeek(baseURL ? { baseURL } : {})],
});

// The models conform asks for (CONFORM_MODELS), registered up front.
await registerModels(ai);
