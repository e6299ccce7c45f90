"""conform entry: Genkit Python + genkit-amazon-bedrock (plugin name `bedrock`).

NOTE: this plugin registers models as `bedrock/<modelId>`, not `amazon-bedrock/<modelId>`
(the prefix used by the older conformance spec).

Endpoint: boto3/botocore honour AWS_ENDPOINT_URL_BEDROCK_RUNTIME (or AWS_ENDPOINT_URL)
themselves, e.g. http://127.0.0.1:8089 — no entry code needed.
Region: AWS_REGION / AWS_DEFAULT_REGION, else us-east-1 (the plugin refuses to start
without one). Credentials: the usual AWS chain (AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY,
or AWS_BEARER_TOKEN_BEDROCK); requests are SigV4-signed locally, so dummy values work
against an emulator.
Calls: POST {endpoint}/model/{modelId}/converse and /model/{modelId}/converse-stream
(AWS event-stream framing). No model listing.

Run: GENKIT_ENV=dev .venv/bin/python amazon-bedrock.py   (cwd = entries/python)
"""

import asyncio
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]

from genkit import ActionKind, Genkit
from genkit_amazon_bedrock import Bedrock

CONFORM_MODELS = ['bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0']


class ConformBedrock(Bedrock):
    """Bedrock whose init() also returns the spec models.

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


_region = os.environ.get('AWS_REGION') or os.environ.get('AWS_DEFAULT_REGION') or 'us-east-1'
plugin = ConformBedrock(region=_region)
ai = Genkit(plugins=[plugin])


async def main() -> None:
    # Block forever; the reflection server runs in a daemon thread (GENKIT_ENV=dev).
    await asyncio.Event().wait()


if __name__ == '__main__':
    ai.run_main(main())
