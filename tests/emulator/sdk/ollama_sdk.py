"""The ollama SDK against `conform emulate`'s Ollama dialect (OLLAMA_HOST)."""

import ollama
from sdkcheck import IMAGE, TRANSPORT_ERRORS, WEATHER_FUNCTION, WEATHER_PROMPT, Person, check, expect, person_ok, raises, run

client = ollama.Client()
MODEL = 'gemma3'
WEATHER = WEATHER_FUNCTION


def ask(content, client=client, **kwargs):
    return client.chat(model=MODEL, messages=[{'role': 'user', 'content': content}], **kwargs)


@check
def text():
    r = ask('Say hello.')
    expect(r.message.content and r.done and r.done_reason == 'stop' and r.eval_count > 0, r)


@check
def system():
    r = client.chat(
        model=MODEL,
        messages=[{'role': 'system', 'content': "Prefix your response with 'RESPONSE:'"}, {'role': 'user', 'content': 'hello'}],
    )
    expect(r.message.content.startswith('RESPONSE:'), r)


@check
def multi_turn():
    r = client.chat(
        model=MODEL,
        messages=[
            {'role': 'user', 'content': 'My name is Genkit.'},
            {'role': 'assistant', 'content': 'Hello Genkit.'},
            {'role': 'user', 'content': 'What is my name?'},
        ],
    )
    expect('Genkit' in r.message.content, r)


@check
def tools_round_trip():
    first = ask(WEATHER_PROMPT, tools=[WEATHER])
    call = first.message.tool_calls[0]
    expect(call.function.name == 'weather' and call.function.arguments == {'city': 'New York'}, first)
    second = client.chat(
        model=MODEL,
        tools=[WEATHER],
        messages=[
            {'role': 'user', 'content': WEATHER_PROMPT},
            first.message,
            {'role': 'tool', 'content': '21C', 'tool_name': 'weather'},
        ],
    )
    expect('21C' in second.message.content, second)


@check
def structured_output():
    person_ok(Person.model_validate_json(ask('Generate a profile for John Doe.', format=Person.model_json_schema()).message.content))


@check
def image_input():
    r = client.chat(model=MODEL, messages=[{'role': 'user', 'content': 'What text do you see in this image?', 'images': [IMAGE]}])
    expect('Genkit' in r.message.content, r)


@check
def streaming_text():
    pieces = [c.message.content for c in ask('My name is Genkit. Say hello.', stream=True)]
    expect(len(pieces) > 1 and ''.join(pieces), pieces)


@check
def streaming_tools():
    calls = [c.message.tool_calls[0] for c in ask(WEATHER_PROMPT, tools=[WEATHER], stream=True) if c.message.tool_calls]
    expect(calls and calls[0].function.name == 'weather', calls)


@check
def streaming_structured_output():
    text = ''.join(c.message.content for c in ask('Generate a profile for John Doe.', format=Person.model_json_schema(), stream=True))
    person_ok(Person.model_validate_json(text))


@check
def thinking():
    r = ask('Think, then answer: 2 + 2?', think=True)
    expect(r.message.thinking and r.message.content, r)


@check
def model_listing():
    names = [m.model for m in client.list().models]
    expect(f'{MODEL}:latest' in names, names)
    e, _ = raises(ollama.ResponseError, lambda: client.chat(model='llama9', messages=[{'role': 'user', 'content': 'hi'}]))
    expect(e.status_code == 404, e)


@check
def a_refused_request_is_a_bad_request():
    # The SDK checks images with Python's lenient b64decode, which drops the URL's ':', '/' and '.' and reads the rest;
    # Ollama decodes strictly and refuses the URL, as a plugin that forwards image URLs meets it.
    url = 'http://a.bc/de'
    e, _ = raises(ollama.ResponseError, lambda: client.chat(model=MODEL, messages=[{'role': 'user', 'content': 'hi', 'images': [url]}]))
    expect(e.status_code == 400 and 'ollama/images-base64' in e.error, e)


@check
def rate_limit_is_an_error_with_its_status():
    # The ollama SDK does not retry: a 429 reaches the caller at once, with its status.
    e, _ = raises(ollama.ResponseError, lambda: ask('hi #emulator:429:400'))
    expect(e.status_code == 429, e)


@check
def server_error():
    e, _ = raises(ollama.ResponseError, lambda: ask('hi #emulator:500'))
    expect(e.status_code == 500, e)


@check
def stall_times_out():
    raises(TRANSPORT_ERRORS, lambda: list(ask('one two #emulator:stall:3000', client=ollama.Client(timeout=1.0), stream=True)))


@check
def truncated_stream_raises():
    raises((ollama.ResponseError, *TRANSPORT_ERRORS), lambda: list(ask('one two three #emulator:truncate', stream=True)))


run()
