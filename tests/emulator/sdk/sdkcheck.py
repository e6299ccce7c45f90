"""What the provider scripts of the real-client suite share: the checks' runner, the nested schema, the image, the
weather tool, and the fault checks of the two Stainless-generated SDKs.

Each script is run by SdkClientsTest with the variables `conform emulate` printed (base URLs, placeholder keys),
plus CONFORM_TEST_IMAGE, the path of conform's test PNG (the word "Genkit"). It prints `ok NAME` or `FAIL NAME` and
the traceback for each check, then `N passed, N failed`, and exits 1 when any failed.
"""

import datetime
import importlib
import os
import sys
import time
import traceback
from typing import Literal, Optional

from pydantic import BaseModel, Field

IMAGE = open(os.environ['CONFORM_TEST_IMAGE'], 'rb').read()
WEATHER_PROMPT = 'What is the weather in New York? Use the weather tool.'
WEATHER_PARAMETERS = {'type': 'object', 'properties': {'city': {'type': 'string'}}, 'required': ['city']}
# The tool as OpenAI's function declaration, which the ollama SDK takes too.
WEATHER_FUNCTION = {
    'type': 'function',
    'function': {'name': 'weather', 'description': 'The weather in a city', 'parameters': WEATHER_PARAMETERS},
}


class Address(BaseModel):
    street: str
    city: str
    zip: str = Field(pattern=r'^[0-9]{5}$')


class Person(BaseModel):
    """A nested model: $defs and $ref, a nullable field, an enum, bounds, a date and a list of objects."""

    name: str
    age: int = Field(ge=0, le=150)
    born: datetime.date
    role: Literal['admin', 'user']
    nickname: Optional[str]
    address: Address
    friends: list[Address]


def _transport_errors():
    """What a dropped or stalled connection raises below the SDKs: httpx's errors (anthropic uses its httpx2) and
    urllib3's (botocore lets them out of a streamed body)."""
    kinds = [TimeoutError, ConnectionError]
    for module, name in (('httpx', 'TransportError'), ('httpx2', 'TransportError'), ('urllib3.exceptions', 'HTTPError')):
        try:
            kinds.append(getattr(importlib.import_module(module), name))
        except ImportError:
            pass
    return tuple(kinds)


TRANSPORT_ERRORS = _transport_errors()
_CHECKS = []


def check(fn):
    """Registers a check: a function that raises when the emulator's answer is not what the SDK should get."""
    _CHECKS.append(fn)
    return fn


def expect(condition, what):
    if not condition:
        raise AssertionError(what)


def raises(kinds, fn):
    """Runs fn, expecting one of the exception types `kinds`; returns the exception and the seconds it took."""
    start = time.monotonic()
    try:
        fn()
    except kinds as e:
        return e, time.monotonic() - start
    raise AssertionError(f'expected {kinds} to be raised')


def stainless_fault_checks(sdk, new_client, ask):
    """The fault checks of the two SDKs Stainless generates, openai and anthropic, which share their errors, retries
    and timeouts. `new_client(**options)` makes a client; `ask(text, client=…, **kwargs)` sends one user message."""

    @check
    def rate_limit_is_retried_after_the_delay():
        _, seconds = raises(sdk.RateLimitError, lambda: ask('hi #emulator:429:400', client=new_client(max_retries=1)))
        expect(seconds >= 0.4, f'retried after the 400 ms the emulator asked for, not {seconds:.2f} s')

    @check
    def server_error():
        raises(sdk.InternalServerError, lambda: ask('hi #emulator:500', client=new_client(max_retries=0)))

    @check
    def stall_times_out():
        impatient = new_client(max_retries=0, timeout=1.0)
        raises(
            (sdk.APITimeoutError, *TRANSPORT_ERRORS),
            lambda: list(ask('one two three #emulator:stall:3000', client=impatient, stream=True)),
        )

    @check
    def truncated_stream_raises():
        raises(
            (sdk.APIError, *TRANSPORT_ERRORS),
            lambda: list(ask('one two three #emulator:truncate', client=new_client(max_retries=0), stream=True)),
        )


def person_ok(person):
    expect(isinstance(person, Person), f'not a Person: {person!r}')
    expect(person.role in ('admin', 'user') and len(person.address.zip) == 5, person)


def run():
    failed = 0
    for fn in _CHECKS:
        try:
            fn()
            print(f'ok {fn.__name__}', flush=True)
        except Exception:  # noqa: BLE001 - every failure is reported, the rest still run
            failed += 1
            print(f'FAIL {fn.__name__}', flush=True)
            traceback.print_exc(file=sys.stdout)
    print(f'{len(_CHECKS) - failed} passed, {failed} failed', flush=True)
    sys.exit(1 if failed else 0)
