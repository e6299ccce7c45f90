"""conform entry: Genkit Python + genkit-anthropic.

Base URL: ANTHROPIC_BASE_URL (no /v1, e.g. http://127.0.0.1:8089). The anthropic SDK reads
ANTHROPIC_BASE_URL / ANTHROPIC_API_KEY itself; the entry also passes base_url explicitly.
Calls: POST {base}/v1/messages (beta API: /v1/messages?beta=true);
GET {base}/v1/models?beta=true when /api/actions is listed.

Run: GENKIT_ENV=dev .venv/bin/python anthropic.py   (cwd = entries/python)
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
from genkit_anthropic import Anthropic

CONFORM_MODELS = [
    'anthropic/claude-sonnet-4',
    'anthropic/claude-sonnet-4-5',
    'anthropic/claude-haiku-4-5',
    'anthropic/claude-opus-4-6',
]


class ConformAnthropic(Anthropic):
    """Anthropic whose init() also returns the spec models.

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


_base_url = os.environ.get('ANTHROPIC_BASE_URL')
plugin = ConformAnthropic(**({'base_url': _base_url} if _base_url else {}))
ai = Genkit(plugins=[plugin])


async def main() -> None:
    # Block forever; the reflection server runs in a daemon thread (GENKIT_ENV=dev).
    await asyncio.Event().wait()


if __name__ == '__main__':
    ai.run_main(main())
