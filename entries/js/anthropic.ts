// conform entry: Genkit JS + @genkit-ai/anthropic.
//
// Base URL: ANTHROPIC_BASE_URL (no /v1 suffix, e.g. http://127.0.0.1:8089). The plugin has
// no base-URL option (it builds `new Anthropic({apiKey})`), so redirection relies on the
// @anthropic-ai/sdk reading ANTHROPIC_BASE_URL itself. Key: ANTHROPIC_API_KEY.
// Calls: POST {base}/v1/messages (config.apiVersion "beta": /v1/messages?beta=true);
// GET {base}/v1/models?beta=true when /api/actions is listed.
import { genkit } from 'genkit';
import { registerModels } from './_conformrt';
import { anthropic } from '@genkit-ai/anthropic';

export const ai = genkit({
  name: 'conform-anthropic',
  plugins: [anthropic()],
});

// The models conform asks for (CONFORM_MODELS), registered up front.
await registerModels(ai);
