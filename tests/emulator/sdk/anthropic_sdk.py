"""The anthropic SDK against `conform emulate`'s Anthropic dialect (ANTHROPIC_BASE_URL, ANTHROPIC_API_KEY)."""

import base64

import anthropic
from sdkcheck import IMAGE, WEATHER_PARAMETERS, WEATHER_PROMPT, Person, check, expect, person_ok, raises, run, stainless_fault_checks

client = anthropic.Anthropic(max_retries=0)
MODEL = 'claude-sonnet-4-5'
WEATHER = {
    'name': 'weather',
    'description': 'The weather in a city',
    'input_schema': WEATHER_PARAMETERS,
}


def ask(content, client=client, **kwargs):
    kwargs.setdefault('max_tokens', 1024)
    return client.messages.create(model=MODEL, messages=[{'role': 'user', 'content': content}], **kwargs)


def text_of(message):
    return ''.join(b.text for b in message.content if b.type == 'text')


@check
def text():
    r = ask('Say hello.')
    expect(text_of(r) and r.stop_reason == 'end_turn' and r.usage.output_tokens > 0, r)


@check
def system():
    expect(text_of(ask('hello', system="Prefix your response with 'RESPONSE:'")).startswith('RESPONSE:'), 'prefix')


@check
def multi_turn():
    r = client.messages.create(
        model=MODEL,
        max_tokens=1024,
        messages=[
            {'role': 'user', 'content': 'My name is Genkit.'},
            {'role': 'assistant', 'content': 'Hello Genkit.'},
            {'role': 'user', 'content': 'What is my name?'},
        ],
    )
    expect('Genkit' in text_of(r), r)


@check
def tools_round_trip():
    first = ask(WEATHER_PROMPT, tools=[WEATHER])
    use = next(b for b in first.content if b.type == 'tool_use')
    expect(first.stop_reason == 'tool_use' and use.name == 'weather' and use.input == {'city': 'New York'}, first)
    second = client.messages.create(
        model=MODEL,
        max_tokens=1024,
        tools=[WEATHER],
        messages=[
            {'role': 'user', 'content': WEATHER_PROMPT},
            {'role': 'assistant', 'content': [b.model_dump(exclude_none=True) for b in first.content]},
            {'role': 'user', 'content': [{'type': 'tool_result', 'tool_use_id': use.id, 'content': '21C'}]},
        ],
    )
    expect('21C' in text_of(second), second)


@check
def structured_output():
    r = client.messages.parse(
        model=MODEL,
        max_tokens=1024,
        messages=[{'role': 'user', 'content': 'Generate a profile for John Doe.'}],
        output_format=Person,
    )
    person_ok(r.parsed_output)


@check
def image_input():
    source = {'type': 'base64', 'media_type': 'image/png', 'data': base64.b64encode(IMAGE).decode()}
    r = ask([{'type': 'text', 'text': 'What text do you see in this image?'}, {'type': 'image', 'source': source}])
    expect('Genkit' in text_of(r), r)


@check
def tool_choice_any_and_none():
    forced = ask('Say hello.', tools=[WEATHER], tool_choice={'type': 'tool', 'name': 'weather'})
    expect(forced.stop_reason == 'tool_use' and forced.content[-1].name == 'weather', forced)
    expect(ask(WEATHER_PROMPT, tools=[WEATHER], tool_choice={'type': 'none'}).stop_reason == 'end_turn', 'none')


@check
def streaming_text():
    with client.messages.stream(
        model=MODEL, max_tokens=1024, messages=[{'role': 'user', 'content': 'My name is Genkit. Say hello.'}]
    ) as stream:
        pieces = list(stream.text_stream)
        final = stream.get_final_message()
    expect(len(pieces) > 1 and ''.join(pieces) == text_of(final), pieces)


@check
def streaming_tools():
    with client.messages.stream(
        model=MODEL, max_tokens=1024, tools=[WEATHER], messages=[{'role': 'user', 'content': WEATHER_PROMPT}]
    ) as stream:
        final = stream.get_final_message()
    use = next(b for b in final.content if b.type == 'tool_use')
    expect(use.input == {'city': 'New York'}, use)


@check
def streaming_structured_output():
    with client.messages.stream(
        model=MODEL,
        max_tokens=1024,
        messages=[{'role': 'user', 'content': 'Generate a profile for John Doe.'}],
        output_format=Person,
    ) as stream:
        final = stream.get_final_message()
    person_ok(final.parsed_output)


@check
def thinking():
    r = ask('Think, then answer: 2 + 2?', max_tokens=2048, thinking={'type': 'enabled', 'budget_tokens': 1024})
    block = r.content[0]
    expect(block.type == 'thinking' and block.thinking and block.signature, r)


@check
def model_listing():
    ids = [m.id for m in client.models.list()]
    expect(MODEL in ids, ids)
    expect(client.models.retrieve(MODEL).id == MODEL, 'retrieve')
    raises(anthropic.NotFoundError, lambda: client.messages.create(
        model='claude-9', max_tokens=5, messages=[{'role': 'user', 'content': 'hi'}]))


@check
def a_refused_request_is_a_bad_request():
    e, _ = raises(
        anthropic.BadRequestError,
        lambda: client.messages.create(model=MODEL, max_tokens=5, messages=[{'role': 'tool', 'content': 'x'}]),
    )
    expect('anthropic/roles' in str(e), e)


stainless_fault_checks(anthropic, anthropic.Anthropic, ask)

run()
