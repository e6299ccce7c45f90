"""conform entry: Genkit Python + genkit-openai (OpenAI-compatible plugin, formerly genkit-plugin-compat-oai).

Base URL: OPENAI_BASE_URL (must include /v1, e.g. http://127.0.0.1:8089/v1). The openai SDK
reads OPENAI_BASE_URL / OPENAI_API_KEY itself; the entry also passes base_url explicitly.
Calls: POST {base}/chat/completions, {base}/images/generations (dall-e-*),
{base}/audio/speech (tts-*); GET {base}/models when /api/actions is listed.

Run: GENKIT_ENV=dev .venv/bin/python compat-oai.py   (cwd = entries/python)
"""

import _conformrt as conformrt  # first: see its docstring

from genkit_openai import OpenAI


if __name__ == '__main__':
    conformrt.serve(conformrt.with_spec_models(OpenAI)(**conformrt.base_url_option('OPENAI_BASE_URL')))
