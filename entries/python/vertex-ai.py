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

import _conformrt as conformrt  # first: see its docstring

from genkit_vertexai import ModelGarden


if __name__ == '__main__':
    conformrt.serve(conformrt.with_spec_models(ModelGarden)())
