"""conform entry: Genkit Python + genkit-google-genai (GoogleAI / Gemini API).

Base URL: GOOGLE_GEMINI_BASE_URL (no version suffix, e.g. http://127.0.0.1:8089). The
google-genai SDK reads GOOGLE_GEMINI_BASE_URL itself; the entry also passes base_url
explicitly. Key: GEMINI_API_KEY (required by the plugin constructor).
Calls: POST {base}/v1beta/models/{m}:generateContent,
POST {base}/v1beta/models/{m}:streamGenerateContent?alt=sse, POST {base}/v1beta/models/{m}:predict
(imagen); GET {base}/v1beta/models (plugin init and /api/actions).

Run: GENKIT_ENV=dev .venv/bin/python google-genai.py   (cwd = entries/python)
"""

import _conformrt as conformrt  # first: see its docstring

from genkit_google_genai import GoogleAI


if __name__ == '__main__':
    # GoogleAI.init() lists models over the network; when that fails the reflection server never starts
    # (no runtime file, the process just hangs), so the failure is tolerated and the spec models registered.
    plugin_class = conformrt.with_spec_models(GoogleAI, tolerate_init_failure=True)
    conformrt.serve(plugin_class(**conformrt.base_url_option('GOOGLE_GEMINI_BASE_URL')))
