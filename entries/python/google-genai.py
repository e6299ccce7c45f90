"""conform entry: Genkit Python + genkit-google-genai (GoogleAI / Gemini API).

Base URL: GOOGLE_GEMINI_BASE_URL (no version suffix, e.g. http://127.0.0.1:8089). The
google-genai SDK reads GOOGLE_GEMINI_BASE_URL itself; the entry also passes base_url
explicitly. Key: GEMINI_API_KEY (required by the plugin constructor).
Calls: POST {base}/v1beta/models/{m}:generateContent,
POST {base}/v1beta/models/{m}:streamGenerateContent?alt=sse, POST {base}/v1beta/models/{m}:predict
(imagen); GET {base}/v1beta/models (plugin init and /api/actions).

Run: GENKIT_ENV=dev .venv/bin/python google-genai.py   (cwd = entries/python)
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
from genkit_google_genai import GoogleAI

CONFORM_MODELS = [
    'googleai/gemini-2.5-pro',
    'googleai/gemini-2.5-flash',
    'googleai/gemini-3-pro-preview',
    'googleai/gemini-2.5-flash-preview-tts',
    'googleai/imagen-4.0-generate-001',
]


class ConformGoogleAI(GoogleAI):
    """GoogleAI whose init() also returns the spec models and tolerates a failing model listing.

    The reflection server runs plugin init() during startup, before it writes the runtime
    file, so models returned here are registered (and listed by GET /api/actions) without
    any network call and without racing the first /api/actions request.

    GoogleAI.init() lists models over the network (GET /v1beta/models); when that fails the
    reflection server's startup hook fails, uvicorn never serves, no runtime file is written
    and the process keeps running. Swallowing that failure keeps the runtime usable offline
    or with an emulator that lacks the list endpoint.
    """

    async def init(self):  # type: ignore[override]
        try:
            actions = list(await super().init() or [])
        except Exception as e:  # noqa: BLE001
            print(
                f'[conform] googleai init failed (model listing unreachable?), continuing: {type(e).__name__}: {e}',
                file=sys.stderr,
                flush=True,
            )
            actions = []
        for name in CONFORM_MODELS:
            try:
                action = await self.resolve(ActionKind.MODEL, name)
            except Exception as e:  # noqa: BLE001 - e.g. missing project id; keep the runtime up
                print(f'[conform] could not pre-register {name}: {type(e).__name__}: {e}', file=sys.stderr, flush=True)
                continue
            if action is not None:
                actions.append(action)
        return actions


_base_url = os.environ.get('GOOGLE_GEMINI_BASE_URL')
plugin = ConformGoogleAI(**({'base_url': _base_url} if _base_url else {}))
ai = Genkit(plugins=[plugin])


async def main() -> None:
    # Block forever; the reflection server runs in a daemon thread (GENKIT_ENV=dev).
    await asyncio.Event().wait()


if __name__ == '__main__':
    ai.run_main(main())
