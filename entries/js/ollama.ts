// conform entry: Genkit JS + genkitx-ollama.
//
// Server address: OLLAMA_HOST (default http://127.0.0.1:11434; a bare host:port gets an
// http:// prefix). The plugin does not read any env var, so the entry passes `serverAddress`.
// Calls: POST {addr}/api/chat (NDJSON when streaming); GET {addr}/api/tags when
// /api/actions is listed.
import { genkit } from 'genkit';
import { registerModels } from './_conformrt';
import { ollama } from 'genkitx-ollama';

function ollamaAddress(): string {
  let v = (process.env.OLLAMA_HOST || '').trim();
  if (!v) return 'http://127.0.0.1:11434';
  if (!/^https?:\/\//i.test(v)) v = 'http://' + v;
  return v.replace(/\/+$/, '');
}

export const ai = genkit({
  name: 'conform-ollama',
  plugins: [
    ollama({
      serverAddress: ollamaAddress(),
      // Declared up front so /model/ollama/gemma3 is listed without contacting the server.
      models: [{ name: 'gemma3', type: 'chat' }],
    }),
  ],
});

// The models conform asks for (CONFORM_MODELS), registered up front.
await registerModels(ai);
