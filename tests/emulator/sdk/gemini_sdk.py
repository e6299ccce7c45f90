"""The google-genai SDK against `conform emulate`'s Gemini dialect (GOOGLE_GEMINI_BASE_URL, GEMINI_API_KEY).

google-genai 3.x calls the v1 API by default; the checks run on v1 and, for listing, on v1beta too.
"""

from google import genai
from google.genai import errors, types
from sdkcheck import IMAGE, TRANSPORT_ERRORS, WEATHER_PARAMETERS, WEATHER_PROMPT, Person, check, expect, person_ok, raises, run

client = genai.Client()
MODEL = 'gemini-2.5-flash'
WEATHER = types.Tool(
    function_declarations=[
        types.FunctionDeclaration(
            name='weather',
            description='The weather in a city',
            parameters_json_schema=WEATHER_PARAMETERS,
        )
    ]
)


def ask(contents, client=client, **config):
    return client.models.generate_content(
        model=MODEL, contents=contents, config=types.GenerateContentConfig(**config) if config else None
    )


@check
def text():
    r = ask('Say hello.')
    expect(r.text and r.candidates[0].finish_reason == types.FinishReason.STOP, r)
    expect(r.usage_metadata.total_token_count > 0, r.usage_metadata)


@check
def system():
    expect(ask('hello', system_instruction="Prefix your response with 'RESPONSE:'").text.startswith('RESPONSE:'), 'prefix')


@check
def multi_turn():
    r = ask([
        types.Content(role='user', parts=[types.Part(text='My name is Genkit.')]),
        types.Content(role='model', parts=[types.Part(text='Hello Genkit.')]),
        types.Content(role='user', parts=[types.Part(text='What is my name?')]),
    ])
    expect('Genkit' in r.text, r)


@check
def tools_round_trip():
    first = ask(WEATHER_PROMPT, tools=[WEATHER])
    call = first.function_calls[0]
    expect(call.name == 'weather' and call.args == {'city': 'New York'}, first)
    second = ask(
        [
            types.Content(role='user', parts=[types.Part(text=WEATHER_PROMPT)]),
            first.candidates[0].content,
            types.Content(role='user', parts=[types.Part.from_function_response(name='weather', response={'result': '21C'})]),
        ],
        tools=[WEATHER],
    )
    expect('21C' in second.text, second)


@check
def function_calling_modes():
    def mode(name, prompt):
        config = types.ToolConfig(function_calling_config=types.FunctionCallingConfig(mode=name))
        return ask(prompt, tools=[WEATHER], tool_config=config)

    expect(mode('ANY', 'Say hello.').function_calls[0].name == 'weather', 'ANY calls a tool')
    expect(not mode('NONE', WEATHER_PROMPT).function_calls, 'NONE calls none')


@check
def structured_output():
    r = ask('Generate a profile for John Doe.', response_mime_type='application/json', response_schema=Person)
    person_ok(r.parsed)


@check
def image_input():
    r = ask(['What text do you see in this image?', types.Part.from_bytes(data=IMAGE, mime_type='image/png')])
    expect('Genkit' in r.text, r)


@check
def streaming_text():
    pieces = [c.text for c in client.models.generate_content_stream(model=MODEL, contents='My name is Genkit. Say hello.')]
    expect(len(pieces) > 1 and ''.join(pieces), pieces)


@check
def streaming_tools():
    calls = [
        c.function_calls[0]
        for c in client.models.generate_content_stream(
            model=MODEL, contents=WEATHER_PROMPT, config=types.GenerateContentConfig(tools=[WEATHER])
        )
        if c.function_calls
    ]
    expect(calls and calls[0].name == 'weather', calls)


@check
def streaming_structured_output():
    text = ''.join(
        c.text or ''
        for c in client.models.generate_content_stream(
            model=MODEL,
            contents='Generate a profile for John Doe.',
            config=types.GenerateContentConfig(response_mime_type='application/json', response_schema=Person),
        )
    )
    person_ok(Person.model_validate_json(text))


@check
def thinking():
    r = ask('Think, then answer: 2 + 2?', thinking_config=types.ThinkingConfig(include_thoughts=True))
    parts = r.candidates[0].content.parts
    expect(parts[0].thought and parts[0].text and r.usage_metadata.thoughts_token_count, r)


@check
def model_listing():
    for version in ('v1', 'v1beta'):
        versioned = genai.Client(http_options=types.HttpOptions(api_version=version))
        names = [m.name for m in versioned.models.list()]
        expect(f'models/{MODEL}' in names, f'{version}: {names}')
        expect(versioned.models.get(model=MODEL).name == f'models/{MODEL}', version)
    e, _ = raises(errors.ClientError, lambda: client.models.generate_content(model='gemini-9', contents='hi'))
    expect(e.code == 404, e)


@check
def a_refused_request_is_a_bad_request():
    e, _ = raises(errors.ClientError, lambda: ask([types.Content(role='system', parts=[types.Part(text='hi')])]))
    expect(e.code == 400 and 'gemini/roles' in str(e), e)


@check
def rate_limit_is_retried_after_the_delay():
    retrying = genai.Client(
        http_options=types.HttpOptions(retry_options=types.HttpRetryOptions(attempts=2, initial_delay=0.4, jitter=0))
    )
    e, seconds = raises(errors.ClientError, lambda: ask('hi #emulator:429:400', client=retrying))
    expect(e.code == 429 and 'RetryInfo' in str(e.details), e)
    expect(seconds >= 0.4, f'retried after 0.4 s, not {seconds:.2f} s')


@check
def server_error():
    e, _ = raises(errors.ServerError, lambda: ask('hi #emulator:500'))
    expect(e.code == 500, e)


@check
def stall_times_out():
    impatient = genai.Client(http_options=types.HttpOptions(timeout=1000))
    raises(
        TRANSPORT_ERRORS,
        lambda: list(impatient.models.generate_content_stream(model=MODEL, contents='one two #emulator:stall:3000')),
    )


@check
def truncated_stream_raises():
    raises(
        (errors.APIError, *TRANSPORT_ERRORS),
        lambda: list(client.models.generate_content_stream(model=MODEL, contents='one two three #emulator:truncate')),
    )


run()
