"""conform entry: Genkit Python + genkit-anthropic.

Base URL: ANTHROPIC_BASE_URL (no /v1, e.g. http://127.0.0.1:8089). The anthropic SDK reads
ANTHROPIC_BASE_URL / ANTHROPIC_API_KEY itself; the entry also passes base_url explicitly.
Calls: POST {base}/v1/messages (beta API: /v1/messages?beta=true);
GET {base}/v1/models?beta=true when /api/actions is listed.

Run: GENKIT_ENV=dev .venv/bin/python anthropic.py   (cwd = entries/python)
"""

import _conformrt as conformrt  # first: see its docstring

from genkit_anthropic import Anthropic


if __name__ == '__main__':
    conformrt.serve(conformrt.with_spec_models(Anthropic)(**conformrt.base_url_option('ANTHROPIC_BASE_URL')))
