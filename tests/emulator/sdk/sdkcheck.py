"""What every provider script of the real-client suite shares: the checks' runner, the nested schema, the image.

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
