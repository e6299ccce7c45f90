"""conform entry: Genkit Python + genkit-ollama.

Server address: OLLAMA_HOST (default http://127.0.0.1:11434; a bare host:port gets an
http:// prefix). The plugin always passes an explicit host to the ollama client, so the
entry sets server_address itself.
Calls: POST {addr}/api/chat (NDJSON when streaming); GET {addr}/api/tags when /api/actions
is listed.

Run: GENKIT_ENV=dev .venv/bin/python ollama.py   (cwd = entries/python)
"""

import os

import _conformrt as conformrt  # first: see its docstring

from genkit_ollama import ModelDefinition, Ollama


def ollama_address() -> str:
    value = os.environ.get('OLLAMA_HOST', '').strip()
    if not value:
        return 'http://127.0.0.1:11434'
    if not value.lower().startswith(('http://', 'https://')):
        value = 'http://' + value
    return value.rstrip('/')


if __name__ == '__main__':
    # Declared up front: the plugin's init() registers ollama/gemma3 without contacting the server.
    conformrt.serve(Ollama(server_address=ollama_address(), models=[ModelDefinition(name='gemma3')]))
