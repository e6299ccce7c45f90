"""conform entry: Genkit Python + genkit-vertexai (Vertex AI Model Garden, plugin name `modelgarden`).

Needs GOOGLE_CLOUD_PROJECT (or GCLOUD_PROJECT); location from GOOGLE_CLOUD_LOCATION /
GOOGLE_CLOUD_REGION, else the plugin default. Real calls need Google Cloud credentials
(Application Default Credentials).
Endpoints: anthropic/* models go through anthropic's AsyncAnthropicVertex, which honours
ANTHROPIC_VERTEX_BASE_URL (POST {base}/projects/{p}/locations/{l}/publishers/anthropic/models/{m}:rawPredict
or :streamRawPredict). Other publishers (e.g. meta/llama-*) use an OpenAI client whose base URL
is hard-coded to https://{location}-aiplatform.googleapis.com/v1beta1/projects/{p}/locations/{l}/endpoints/openapi
and cannot be redirected by env var.

Run: GENKIT_ENV=dev .venv/bin/python vertex-ai.py   (cwd = entries/python)
"""

import asyncio
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]

from genkit import ActionKind, Genkit
from genkit_vertexai import ModelGarden

CONFORM_MODELS = [
    'modelgarden/anthropic/claude-3-5-sonnet-v2@20241022',
    'modelgarden/meta/llama-3.2-90b-vision-instruct-maas',
]


class ConformModelGarden(ModelGarden):
    """ModelGarden whose init() also returns the spec models.

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


plugin = ConformModelGarden()
ai = Genkit(plugins=[plugin])


async def main() -> None:
    # Block forever; the reflection server runs in a daemon thread (GENKIT_ENV=dev).
    await asyncio.Event().wait()


if __name__ == '__main__':
    ai.run_main(main())
