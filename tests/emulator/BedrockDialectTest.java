package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bedrock's Converse API over HTTP: JSON answers, event-stream frames, its REST-JSON errors and rules. */
class BedrockDialectTest {

    static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String CONVERSE = "/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse";
    /** A SigV4 Authorization header, as botocore signs every request; the emulator takes any signature. */
    static final String SIGNED = "AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/bedrock/aws4_request, Signature=00";

    private static EmulatorHttp http;

    @BeforeAll
    static void start() {
        http = EmulatorHttp.start(EmulatorDialect.BEDROCK, List.of(MODEL), "Authorization", SIGNED);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static String ask(String text, String... fields) {
        StringBuilder json = new StringBuilder("{'messages':[{'role':'user','content':[{'text':'" + text + "'}]}]");
        for (String field : fields) json.append(',').append(field);
        return json.append('}').toString();
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return http.post(path, EmulatorHttp.quoted(json));
    }

    @Test
    void answersConverseWithTheSystemAndUsage() throws Exception {
        HttpResponse<String> r =
                post(CONVERSE, ask("hello", "'system':[{'text':'prefix your response with \\u0027RESPONSE:\\u0027'}]"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = EmulatorHttp.json(r.body());
        assertEquals(
                "RESPONSE: Hello! You said: hello",
                answer.at("/output/message/content/0/text").asText());
        assertEquals("end_turn", answer.path("stopReason").asText());
        assertEquals(
                answer.at("/usage/inputTokens").asInt()
                        + answer.at("/usage/outputTokens").asInt(),
                answer.at("/usage/totalTokens").asInt());
        assertTrue(answer.at("/metrics/latencyMs").isNumber());
    }

    @Test
    void streamsToolUseAsEventStreamFramesWithValidChecksums() throws Exception {
        HttpResponse<byte[]> r = http.send(
                http.request(CONVERSE + "-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(EmulatorHttp.quoted(
                                        ask(
                                                "What is the weather in New York? Use the tool.",
                                                "'toolConfig':{'tools':[{'toolSpec':{'name':'weather','inputSchema':{'json':"
                                                    + "{'type':'object','properties':{'city':{'type':'string'}},'required':['city']}}}}]}"))
                                .toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(
                "application/vnd.amazon.eventstream",
                r.headers().firstValue("Content-Type").orElseThrow());
        List<String> types = new ArrayList<>();
        StringBuilder input = new StringBuilder();
        ByteBuffer frames = ByteBuffer.wrap(r.body());
        while (frames.hasRemaining()) {
            int start = frames.position();
            int total = frames.getInt();
            int headersLength = frames.getInt();
            assertEquals(crc(r.body(), start, 8), frames.getInt() & 0xFFFFFFFFL, "prelude CRC");
            byte[] headers = new byte[headersLength];
            frames.get(headers);
            byte[] payload = new byte[total - headersLength - 16];
            frames.get(payload);
            assertEquals(crc(r.body(), start, total - 4), frames.getInt() & 0xFFFFFFFFL, "message CRC");
            String eventType = header(headers, ":event-type");
            types.add(eventType);
            JsonNode event = EmulatorHttp.json(new String(payload, StandardCharsets.UTF_8));
            if (eventType.equals("contentBlockStart"))
                assertEquals("weather", event.at("/start/toolUse/name").asText());
            if (eventType.equals("contentBlockDelta"))
                input.append(event.at("/delta/toolUse/input").asText());
            if (eventType.equals("messageStop"))
                assertEquals("tool_use", event.path("stopReason").asText());
        }
        assertEquals(
                List.of(
                        "messageStart",
                        "contentBlockStart",
                        "contentBlockDelta",
                        "contentBlockDelta",
                        "contentBlockStop",
                        "messageStop",
                        "metadata"),
                types);
        assertEquals(
                "New York", EmulatorHttp.json(input.toString()).path("city").asText());
    }

    @Test
    void aTruncatedEventStreamIsCutAsADroppedConnection() throws Exception {
        String received = http.postCut(
                CONVERSE.replace("/converse", "/converse-stream"),
                EmulatorHttp.quoted(ask("one two #emulator:truncate")));
        assertTrue(received.contains("messageStart") && !received.contains("messageStop"), received);
    }

    @Test
    void stopsAtMaxTokensWithTheMaxTokensReason() throws Exception {
        JsonNode answer =
                EmulatorHttp.json(post(CONVERSE, ask("one two three four five", "'inferenceConfig':{'maxTokens':2}"))
                        .body());
        assertEquals("max_tokens", answer.path("stopReason").asText(), answer.toString());
        assertEquals(2, answer.at("/usage/outputTokens").asInt(), answer.toString());
    }

    @Test
    void throttlesAsBedrockDoes() throws Exception {
        HttpResponse<String> limited = post(CONVERSE, ask("hi #emulator:429"));
        assertEquals(429, limited.statusCode());
        assertEquals(
                "ThrottlingException",
                EmulatorHttp.json(limited.body()).path("__type").asText());
    }

    private static long crc(byte[] bytes, int from, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, from, length);
        return crc.getValue();
    }

    /** A string header's value from event-stream headers (name length, name, type 7, value length, value). */
    private static String header(byte[] headers, String name) {
        ByteBuffer b = ByteBuffer.wrap(headers);
        while (b.hasRemaining()) {
            byte[] n = new byte[b.get()];
            b.get(n);
            assertEquals(7, b.get(), "a string header");
            byte[] v = new byte[b.getShort()];
            b.get(v);
            if (new String(n, StandardCharsets.UTF_8).equals(name)) return new String(v, StandardCharsets.UTF_8);
        }
        throw new AssertionError("no header " + name);
    }

    @Test
    void everyAwsSdkFindsTheRegionItReads() {
        // boto3 reads AWS_DEFAULT_REGION only, the JS and Go SDKs AWS_REGION: without both, boto3 cannot start.
        assertEquals("us-east-1", Emulator.standIns(Map.of()).get("AWS_DEFAULT_REGION"));
        assertEquals("us-east-1", Emulator.standIns(Map.of()).get("AWS_REGION"));
        var users = Emulator.standIns(Map.of("AWS_REGION", "eu-west-1"));
        assertFalse(users.containsKey("AWS_REGION"), "the user's region is not replaced");
        assertEquals("eu-west-1", users.get("AWS_DEFAULT_REGION"));
    }
}
