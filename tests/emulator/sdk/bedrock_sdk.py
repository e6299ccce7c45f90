"""boto3's bedrock-runtime client against `conform emulate`'s Converse dialect (AWS_ENDPOINT_URL_BEDROCK_RUNTIME,
AWS_DEFAULT_REGION and the placeholder AWS keys: boto3 signs with them, and the emulator takes any signature).

bedrock-runtime has no model listing (that is the `bedrock` control-plane service, which is not emulated).
"""

import json
import time

import boto3
import botocore.config
import botocore.exceptions
from sdkcheck import IMAGE, TRANSPORT_ERRORS, WEATHER_PARAMETERS, WEATHER_PROMPT, Person, check, expect, person_ok, raises, run

# botocore's `max_attempts` counts retries; `total_max_attempts` counts the first call too: 1 is no retry.
client = boto3.client('bedrock-runtime', config=botocore.config.Config(retries={'total_max_attempts': 1, 'mode': 'standard'}))
MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'
WEATHER = {
    'tools': [
        {
            'toolSpec': {
                'name': 'weather',
                'description': 'The weather in a city',
                'inputSchema': {'json': WEATHER_PARAMETERS},
            }
        }
    ]
}
PERSON = {'textFormat': {'type': 'json_schema', 'structure': {'jsonSchema': {'name': 'Person', 'schema': json.dumps(Person.model_json_schema())}}}}


def user(*blocks):
    return [{'role': 'user', 'content': list(blocks)}]


def ask(text, client=client, **kwargs):
    return client.converse(modelId=MODEL, messages=user({'text': text}), **kwargs)


def text_of(response):
    return ''.join(b.get('text', '') for b in response['output']['message']['content'])


def stream_events(text, client=client, **kwargs):
    return list(client.converse_stream(modelId=MODEL, messages=user({'text': text}), **kwargs)['stream'])


@check
def text():
    r = ask('Say hello.')
    expect(text_of(r) and r['stopReason'] == 'end_turn' and r['usage']['totalTokens'] > 0, r)


@check
def system():
    expect(text_of(ask('hello', system=[{'text': "Prefix your response with 'RESPONSE:'"}])).startswith('RESPONSE:'), 'prefix')


@check
def multi_turn():
    r = client.converse(
        modelId=MODEL,
        messages=[
            {'role': 'user', 'content': [{'text': 'My name is Genkit.'}]},
            {'role': 'assistant', 'content': [{'text': 'Hello Genkit.'}]},
            {'role': 'user', 'content': [{'text': 'What is my name?'}]},
        ],
    )
    expect('Genkit' in text_of(r), r)


@check
def tools_round_trip():
    first = ask(WEATHER_PROMPT, toolConfig=WEATHER)
    use = next(b['toolUse'] for b in first['output']['message']['content'] if 'toolUse' in b)
    expect(first['stopReason'] == 'tool_use' and use['name'] == 'weather' and use['input'] == {'city': 'New York'}, first)
    second = client.converse(
        modelId=MODEL,
        toolConfig=WEATHER,
        messages=[
            {'role': 'user', 'content': [{'text': WEATHER_PROMPT}]},
            first['output']['message'],
            {'role': 'user', 'content': [{'toolResult': {'toolUseId': use['toolUseId'], 'content': [{'text': '21C'}]}}]},
        ],
    )
    expect('21C' in text_of(second), second)


@check
def structured_output():
    person_ok(Person.model_validate_json(text_of(ask('Generate a profile for John Doe.', outputConfig=PERSON))))


@check
def image_input():
    r = client.converse(
        modelId=MODEL,
        messages=user({'text': 'What text do you see in this image?'}, {'image': {'format': 'png', 'source': {'bytes': IMAGE}}}),
    )
    expect('Genkit' in text_of(r), r)


@check
def streaming_text():
    events = stream_events('My name is Genkit. Say hello.')
    pieces = [e['contentBlockDelta']['delta']['text'] for e in events if 'contentBlockDelta' in e]
    expect(len(pieces) > 1 and 'messageStop' in events[-2] and 'metadata' in events[-1], events)


@check
def streaming_tools():
    events = stream_events(WEATHER_PROMPT, toolConfig=WEATHER)
    start = next(e['contentBlockStart']['start']['toolUse'] for e in events if 'contentBlockStart' in e)
    arguments = ''.join(e['contentBlockDelta']['delta']['toolUse']['input'] for e in events if 'contentBlockDelta' in e)
    expect(start['name'] == 'weather' and json.loads(arguments) == {'city': 'New York'}, events)


@check
def streaming_structured_output():
    events = stream_events('Generate a profile for John Doe.', outputConfig=PERSON)
    person_ok(Person.model_validate_json(''.join(e['contentBlockDelta']['delta']['text'] for e in events if 'contentBlockDelta' in e)))


@check
def thinking():
    r = ask('Think, then answer: 2 + 2?', additionalModelRequestFields={'thinking': {'type': 'enabled', 'budget_tokens': 1024}})
    reasoning = r['output']['message']['content'][0]['reasoningContent']['reasoningText']
    expect(reasoning['text'] and reasoning['signature'], r)


@check
def unknown_model_is_not_found():
    e, _ = raises(botocore.exceptions.ClientError, lambda: client.converse(modelId='titan-9', messages=user({'text': 'hi'})))
    expect(e.response['Error']['Code'] == 'ResourceNotFoundException', e)


@check
def a_refused_request_is_a_validation_error():
    e, _ = raises(botocore.exceptions.ClientError, lambda: client.converse(
        modelId=MODEL, messages=[{'role': 'user', 'content': [{'toolResult': {'toolUseId': 't1', 'content': [{'text': '21C'}]}}]}]))
    expect(e.response['Error']['Code'] == 'ValidationException' and 'bedrock/tool-result-answers-tool-use' in str(e), e)


@check
def throttling_is_retried():
    retrying = boto3.client('bedrock-runtime', config=botocore.config.Config(retries={'total_max_attempts': 2, 'mode': 'standard'}))
    e, _ = raises(botocore.exceptions.ClientError, lambda: ask('hi #emulator:429:400', client=retrying))
    expect(e.response['Error']['Code'] == 'ThrottlingException', e)
    expect(e.response['ResponseMetadata']['RetryAttempts'] == 1, e.response['ResponseMetadata'])


@check
def server_error():
    e, _ = raises(botocore.exceptions.ClientError, lambda: ask('hi #emulator:500'))
    expect(e.response['Error']['Code'] == 'InternalServerException', e)


@check
def stall_times_out():
    impatient = boto3.client('bedrock-runtime', config=botocore.config.Config(read_timeout=1, retries={'total_max_attempts': 1}))
    raises((botocore.exceptions.BotoCoreError, *TRANSPORT_ERRORS), lambda: stream_events('one two #emulator:stall:3000', client=impatient))


@check
def truncated_stream_raises():
    raises((botocore.exceptions.BotoCoreError, *TRANSPORT_ERRORS), lambda: stream_events('one two three #emulator:truncate'))


run()
