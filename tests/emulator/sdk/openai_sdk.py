"""The openai SDK against `conform emulate`'s OpenAI dialect (OPENAI_BASE_URL, OPENAI_API_KEY).

No thinking check: Chat Completions returns no reasoning text, and the dialect claims none.
"""

import base64
import json
import os

import httpx
import openai
from sdkcheck import IMAGE, WEATHER_FUNCTION, WEATHER_PROMPT, Person, check, expect, person_ok, raises, run, stainless_fault_checks

client = openai.OpenAI(max_retries=0)
MODEL = 'gpt-4o'
WEATHER = WEATHER_FUNCTION


def ask(content, client=client, **kwargs):
    return client.chat.completions.create(model=MODEL, messages=[{'role': 'user', 'content': content}], **kwargs)


@check
def text():
    r = ask('Say hello.')
    expect(r.choices[0].message.content and r.choices[0].finish_reason == 'stop', r)
    expect(r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens, r.usage)
    expect(r.id != ask('Say hello.').id, 'a fresh id per answer')


@check
def system():
    r = client.chat.completions.create(
        model=MODEL,
        messages=[
            {'role': 'system', 'content': "Prefix your response with 'RESPONSE:'"},
            {'role': 'user', 'content': 'hello'},
        ],
    )
    expect(r.choices[0].message.content.startswith('RESPONSE:'), r)


@check
def multi_turn():
    r = client.chat.completions.create(
        model=MODEL,
        messages=[
            {'role': 'user', 'content': 'My name is Genkit.'},
            {'role': 'assistant', 'content': 'Hello Genkit.'},
            {'role': 'user', 'content': 'What is my name?'},
        ],
    )
    expect('Genkit' in r.choices[0].message.content, r)


@check
def tools_round_trip():
    first = ask(WEATHER_PROMPT, tools=[WEATHER])
    call = first.choices[0].message.tool_calls[0]
    expect(first.choices[0].finish_reason == 'tool_calls' and call.function.name == 'weather', first)
    expect(json.loads(call.function.arguments) == {'city': 'New York'}, call)
    second = client.chat.completions.create(
        model=MODEL,
        tools=[WEATHER],
        messages=[
            {'role': 'user', 'content': WEATHER_PROMPT},
            first.choices[0].message.model_dump(exclude_none=True),
            {'role': 'tool', 'tool_call_id': call.id, 'content': '21C'},
        ],
    )
    expect('21C' in second.choices[0].message.content, second)


@check
def structured_output():
    r = client.chat.completions.parse(
        model=MODEL, messages=[{'role': 'user', 'content': 'Generate a profile for John Doe.'}], response_format=Person
    )
    person_ok(r.choices[0].message.parsed)


@check
def image_input():
    url = 'data:image/png;base64,' + base64.b64encode(IMAGE).decode()
    r = ask([{'type': 'text', 'text': 'What text do you see in this image?'}, {'type': 'image_url', 'image_url': {'url': url}}])
    expect('Genkit' in r.choices[0].message.content, r)


@check
def streaming_text():
    chunks = list(ask('My name is Genkit. Say hello.', stream=True, stream_options={'include_usage': True}))
    text = ''.join(c.choices[0].delta.content or '' for c in chunks if c.choices)
    expect(text and chunks[-1].usage and not chunks[-1].choices, chunks[-1])


@check
def streaming_tools():
    calls = [
        c.choices[0].delta.tool_calls[0]
        for c in ask(WEATHER_PROMPT, tools=[WEATHER], stream=True)
        if c.choices and c.choices[0].delta.tool_calls
    ]
    expect(calls and calls[0].function.name == 'weather', calls)


@check
def streaming_structured_output():
    with client.chat.completions.stream(
        model=MODEL, messages=[{'role': 'user', 'content': 'Generate a profile for John Doe.'}], response_format=Person
    ) as stream:
        final = stream.get_final_completion()
    person_ok(final.choices[0].message.parsed)


@check
def n_choices_and_a_named_tool_choice():
    r = ask('Say hello.', n=2)
    expect([c.index for c in r.choices] == [0, 1], r)
    named = ask('Say hello.', tools=[WEATHER], tool_choice={'type': 'function', 'function': {'name': 'weather'}})
    expect(named.choices[0].message.tool_calls[0].function.name == 'weather', named)
    expect(ask(WEATHER_PROMPT, tools=[WEATHER], tool_choice='none').choices[0].message.tool_calls is None, 'none')


@check
def images_as_base64_and_as_a_served_url():
    b64 = client.images.generate(model='dall-e-3', prompt='A red square')
    expect(base64.b64decode(b64.data[0].b64_json).startswith(b'\x89PNG'), b64)
    url = client.images.generate(model='dall-e-3', prompt='A red square', response_format='url').data[0].url
    expect(url.startswith(os.environ['OPENAI_BASE_URL'].removesuffix('/v1')), url)
    expect(httpx.get(url).content.startswith(b'\x89PNG'), url)


@check
def speech_in_the_format_asked_for():
    mp3 = client.audio.speech.create(model='tts-1', voice='alloy', input='Hello').content
    wav = client.audio.speech.create(model='tts-1', voice='alloy', input='Hello', response_format='wav').content
    expect(mp3[:3] == b'ID3' or mp3[0] == 0xFF, mp3[:8])
    expect(wav[:4] == b'RIFF' and wav[8:12] == b'WAVE', wav[:12])
    raises(openai.BadRequestError, lambda: client.audio.speech.create(model='tts-1', voice='alloy', input='Hi', response_format='opus'))


@check
def model_listing():
    ids = [m.id for m in client.models.list()]
    expect(MODEL in ids and 'dall-e-3' in ids, ids)
    raises(openai.NotFoundError, lambda: client.chat.completions.create(model='gpt-9', messages=[]))


@check
def a_refused_request_is_a_bad_request():
    e, _ = raises(
        openai.BadRequestError,
        lambda: client.chat.completions.create(
            model=MODEL, messages=[{'role': 'tool', 'tool_call_id': 'call_x', 'content': '21C'}]
        ),
    )
    expect('openai/tool-call-id' in str(e), e)


stainless_fault_checks(openai, openai.OpenAI, ask)

run()
