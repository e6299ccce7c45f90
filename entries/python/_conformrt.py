"""What every conform Python entry shares: import this module first (the underscore keeps it from being taken for a plugin).

- Importing it drops the entries folder from sys.path: entries are named like provider SDK packages
  (`anthropic.py`, `ollama.py`), and Python would otherwise import the entry instead of the SDK.
- `with_spec_models` makes a plugin register the models conform asks for (CONFORM_MODELS, comma-separated: check-model
  sets it to the spec's models, `conform models` leaves it empty) during init(), which the reflection server runs
  before it writes the runtime file, so GET /api/actions lists them at once and without any network call.
- `serve` starts Genkit with that one plugin and blocks, so the reflection server (GENKIT_ENV=dev) keeps serving.
"""

import asyncio
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]

from genkit import ActionKind, Genkit  # noqa: E402 - after the sys.path fix on purpose


def _note(message: str) -> None:
    print(f'[conform] {message}', file=sys.stderr, flush=True)


def spec_models() -> list[str]:
    """The models conform asks the entry to register up front (CONFORM_MODELS, comma-separated)."""
    return [m.strip() for m in os.environ.get('CONFORM_MODELS', '').split(',') if m.strip()]


def with_spec_models(plugin_class, tolerate_init_failure=False):
    """A subclass of `plugin_class` whose init() also resolves the models conform asks for (`spec_models()`).

    With `tolerate_init_failure`, a failing init() of the plugin itself (e.g. a model listing it cannot reach)
    is logged instead of stopping the reflection server from ever starting.
    """

    class WithSpecModels(plugin_class):
        async def init(self):  # type: ignore[override]
            try:
                actions = list(await super().init() or [])
            except Exception as e:  # noqa: BLE001
                if not tolerate_init_failure:
                    raise
                _note(f'{plugin_class.__name__} init failed, continuing without its model list: {type(e).__name__}: {e}')
                actions = []
            for name in spec_models():
                try:
                    action = await self.resolve(ActionKind.MODEL, name)
                except Exception as e:  # noqa: BLE001 - e.g. a missing project id: keep the runtime up
                    _note(f'could not pre-register {name}: {type(e).__name__}: {e}')
                    continue
                if action is not None:
                    actions.append(action)
            return actions

    WithSpecModels.__name__ = f'Conform{plugin_class.__name__}'
    return WithSpecModels


def base_url_option(variable: str) -> dict:
    """{'base_url': $variable} when the variable is set, else nothing (the provider's default)."""
    value = os.environ.get(variable)
    return {'base_url': value} if value else {}


def serve(plugin) -> None:
    ai = Genkit(plugins=[plugin])

    async def forever() -> None:
        await asyncio.Event().wait()

    ai.run_main(forever())
