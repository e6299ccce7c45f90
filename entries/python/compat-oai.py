"""conform entry: Genkit Python + genkit-openai (OpenAI-compatible plugin, formerly genkit-plugin-compat-oai).

Base URL: OPENAI_BASE_URL (must include /v1, e.g. http://127.0.0.1:8089/v1). The openai SDK
reads OPENAI_BASE_URL / OPENAI_API_KEY itself; the entry also passes base_url explicitly.
Calls: POST {base}/chat/completions, {base}/images/generations (dall-e-*),
{base}/audio/speech (tts-*); GET {base}/models when /api/actions is listed.

Run: GENKIT_ENV=dev .venv/bin/python compat-oai.py   (cwd = entries/python)
"""

import asyncio
import os
import sys

# This file shares its name with the provider SDK package (e.g. `anthropic`, `ollama`).
# Python puts the script's directory first on sys.path, which would make `import anthropic`
# load this file instead of the SDK, so drop that entry before importing anything else.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]

from genkit import ActionKind, Genkit
from genkit_openai import OpenAI

CONFORM_MODELS = ['openai/gpt-4o', 'openai/gpt-4o-mini', 'openai/dall-e-3', 'openai/tts-1']


class ConformOpenAI(OpenAI):
    """OpenAI whose init() also returns the spec models.

    The reflection server runs plugin init() during startup, before it writes the runtime
    file, so models returned here are registered (and listed by GET /api/actions) without
    any network call and without racing the first /api/actions request.
    """

    async def init(self):  # type: ignore[override]
        actions = list(await super().init() or [])
        for name in CONFORM_MODELS:
            try:
                action = await self.resolve(ActionKind.MODEL, name)
            except Exception as e:  # noqa: BLE001 - e.g. missing project id; keep the runtime up
                print(f'[conform] could not pre-register {name}: {type(e).__name__}: {e}', file=sys.stderr, flush=True)
                continue
            if action is not None:
                actions.append(action)
        return actions


_base_url = os.environ.get('OPENAI_BASE_URL')
plugin = ConformOpenAI(**({'base_url': _base_url} if _base_url else {}))
ai = Genkit(plugins=[plugin])


async def main() -> None:
    # Block forever; the reflection server runs in a daemon thread (GENKIT_ENV=dev).
    await asyncio.Event().wait()


if __name__ == '__main__':
    ai.run_main(main())
