"""conform entry: Genkit Python + genkit-ollama.

Server address: OLLAMA_HOST (default http://127.0.0.1:11434; a bare host:port gets an
http:// prefix). The plugin always passes an explicit host to the ollama client, so the
entry sets server_address itself.
Calls: POST {addr}/api/chat (NDJSON when streaming); GET {addr}/api/tags when /api/actions
is listed.

Run: GENKIT_ENV=dev .venv/bin/python ollama.py   (cwd = entries/python)
"""

import asyncio
import os
import sys

# This file shares its name with the provider SDK package (e.g. `anthropic`, `ollama`).
# Python puts the script's directory first on sys.path, which would make `import anthropic`
# load this file instead of the SDK, so drop that entry before importing anything else.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]

from genkit import Genkit
from genkit_ollama import ModelDefinition, Ollama


def ollama_address() -> str:
    v = os.environ.get('OLLAMA_HOST', '').strip()
    if not v:
        return 'http://127.0.0.1:11434'
    if not v.lower().startswith(('http://', 'https://')):
        v = 'http://' + v
    return v.rstrip('/')


# Declared up front: the plugin's init() registers ollama/gemma3 without contacting the server.
ai = Genkit(plugins=[Ollama(server_address=ollama_address(), models=[ModelDefinition(name='gemma3')])])


async def main() -> None:
    await asyncio.Event().wait()


if __name__ == '__main__':
    ai.run_main(main())
