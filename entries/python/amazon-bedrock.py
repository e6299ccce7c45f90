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

import os

import _conformrt as conformrt  # first: see its docstring

from genkit_amazon_bedrock import Bedrock, ModelDefinition


if __name__ == '__main__':
    region = os.environ.get('AWS_REGION') or os.environ.get('AWS_DEFAULT_REGION') or 'us-east-1'
    # A bare Bedrock() lists nothing (it never reads the catalogue, plugin.py list_actions): a Bedrock app declares
    # the models it uses, as the plugin's own example does, and so does this entry; init() registers it offline.
    models = [ModelDefinition(name='us.anthropic.claude-sonnet-4-5-20250929-v1:0')]
    conformrt.serve(conformrt.with_spec_models(Bedrock)(region=region, models=models))
