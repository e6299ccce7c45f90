package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import conform.redact.Redactor;
import conform.spec.BuiltinTests;
import conform.validate.Responses;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAI dialect over real HTTP on 127.0.0.1: decoding, JSON and SSE encoding, listings and faults. */
class OpenAiDialectTest {

    private static final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private static EmulatorHttp http;

    @BeforeAll
    static void start() {
        http = EmulatorHttp.start(
                Map.of(
                        EmulatorDialect.OPENAI,
                        List.of("dall-e-3", "gpt-4o", "tts-1"),
                        EmulatorDialect.ANTHROPIC,
                        List.of("claude-x")),
                new RunFault(new Fault(Fault.Kind.SERVER_ERROR, 0), 0),
                Redactor.fromEnvironment(Map.of("SECRET_1_KEY", "sk-secret-123456"), List.of()),
                log::add,
                "Authorization",
                "Bearer sk-secret-123456");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static List<String> logged() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Posts JSON written with single quotes for readability. */
    private static HttpResponse<String> post(String path, String json) throws Exception {
        return http.post(path, json.replace('\'', '"'));
    }

    @Test
    void listsTheSpecsModelsForItsDialect() throws Exception {
        HttpResponse<String> r = http.get("/v1/models");
        JsonNode data = EmulatorHttp.json(r.body()).get("data");
        assertEquals(
                List.of("dall-e-3", "gpt-4o"),
                List.of(data.get(0).get("id").asText(), data.get(1).get("id").asText()));
    }

    @Test
    void answersAChatCompletion() throws Exception {
        var body = Wire.JSON.createObjectNode().put("model", "gpt-4o");
        body.putArray("messages")
                .add(Wire.JSON
                        .createObjectNode()
                        .put("role", "system")
                        .put("content", "prefix your response with 'RESPONSE:'"))
                .add(Wire.JSON.createObjectNode().put("role", "user").put("content", "hello"));
        HttpResponse<String> r = http.post("/v1/chat/completions", body);
        assertEquals(200, r.statusCode());
        JsonNode choice = EmulatorHttp.json(r.body()).get("choices").get(0);
        assertEquals("stop", choice.get("finish_reason").asText());
        assertTrue(choice.at("/message/content").asText().startsWith("RESPONSE: "), r.body());
    }

    @Test
    void answersWithUniqueIdsTheTimeNChoicesUsageAndTheLengthStop() throws Exception {
        String ask = "{'model':'gpt-4o','n':2,'max_completion_tokens':2,'messages':[{'role':'user','content':'one two"
                + " three'}]}";
        JsonNode first = EmulatorHttp.json(post("/v1/chat/completions", ask).body());
        JsonNode second = EmulatorHttp.json(post("/v1/chat/completions", ask).body());
        assertNotEquals(first.get("id").asText(), second.get("id").asText());
        assertTrue(first.get("id").asText().startsWith("chatcmpl-"));
        assertTrue(Math.abs(first.get("created").asLong() - System.currentTimeMillis() / 1000) < 60, "real time");
        assertEquals(2, first.get("choices").size());
        assertEquals(1, first.at("/choices/1/index").asInt());
        assertEquals("Hello! You ", first.at("/choices/0/message/content").asText());
        assertEquals("length", first.at("/choices/0/finish_reason").asText());
        assertEquals(3, first.at("/usage/prompt_tokens").asInt());
        assertEquals(4, first.at("/usage/completion_tokens").asInt(), "2 tokens in each of 2 choices");
        assertEquals(7, first.at("/usage/total_tokens").asInt());
    }

    @Test
    void aStreamWithIncludeUsageEndsWithAUsageChunkWithoutChoices() throws Exception {
        List<JsonNode> chunks = EmulatorHttp.sseData(post(
                        "/v1/chat/completions",
                        "{'model':'gpt-4o','stream':true,'stream_options':{'include_usage':true},"
                                + "'messages':[{'role':'user','content':'hi'}]}")
                .body()
                .replace("data: [DONE]", ""));
        JsonNode last = chunks.get(chunks.size() - 1);
        assertEquals(0, last.get("choices").size(), last.toString());
        assertEquals(4, last.at("/usage/completion_tokens").asInt(), "Hello! You said: hi");
        assertTrue(
                chunks.get(0).has("usage") && chunks.get(0).get("usage").isNull(),
                chunks.get(0).toString());
        assertEquals(
                1, chunks.stream().map(c -> c.get("id").asText()).distinct().count(), "one id per stream");
    }

    @Test
    void aToolResultIsNamedByTheCallItAnswers() {
        ChatRequest r =
                OpenAiRequests.decodeChat(Responses.json("{'model':'gpt-4o','messages':[{'role':'user','content':'w?'},"
                    + "{'role':'assistant','tool_calls':[{'id':'call_9','type':'function','function':{'name':'weather','arguments':'{}'}}]},"
                    + "{'role':'tool','tool_call_id':'call_9','content':'21C'}]}"));
        assertEquals(
                "weather", ((ChatRequest.ToolResult) r.turns().get(2).content().get(0)).name());
    }

    @Test
    void decodesContentPartsToolsAndFormats() {
        ChatRequest r = OpenAiRequests.decodeChat(
                Responses.json(
                        "{'model':'gpt-4o','stream':true,'messages':[{'role':'developer','content':'be"
                            + " brief'},{'role':'user','content':[{'type':'text','text':'look'},"
                            + "{'type':'image_url','image_url':{'url':'data:image/png;base64,AAEC'}}]},{'role':'assistant','content':null,"
                            + "'tool_calls':[{'id':'c1','type':'function','function':{'name':'weather','arguments':'{\\\"city\\\":\\\"NY\\\"}'}}]},"
                            + "{'role':'tool','tool_call_id':'c1','content':'21C'}],"
                            + "'tools':[{'type':'function','function':{'name':'weather','parameters':{'type':'object'}}}],"
                            + "'response_format':{'type':'json_schema','json_schema':{'name':'x','schema':{'type':'object'}}}}"));
        DecodedConversation.assertDecoded(r, new byte[] {0, 1, 2});
        assertTrue(r.endsWithToolResult());
        assertTrue(r.stream());
    }

    @Test
    void streamsSseEndingWithDone() throws Exception {
        HttpResponse<String> r = post(
                "/v1/chat/completions",
                "{'model':'gpt-4o','stream':true,'messages':[{'role':'user','content':'My name is"
                    + " Genkit.'},{'role':'assistant','content':'Hi'},{'role':'user','content':'What is my name?'}]}");
        assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElseThrow());
        List<String> data = r.body()
                .lines()
                .filter(l -> l.startsWith("data: "))
                .map(l -> l.substring(6))
                .toList();
        assertEquals("[DONE]", data.get(data.size() - 1));
        StringBuilder text = new StringBuilder();
        for (String d : data.subList(0, data.size() - 1))
            text.append(EmulatorHttp.json(d).at("/choices/0/delta/content").asText(""));
        assertEquals("Your name is Genkit.", text.toString());
        assertEquals(
                "stop",
                EmulatorHttp.json(data.get(data.size() - 2))
                        .at("/choices/0/finish_reason")
                        .asText());
    }

    @Test
    void streamsAToolCall() throws Exception {
        HttpResponse<String> r = post(
                "/v1/chat/completions",
                "{'model':'gpt-4o','stream':true,'messages':[{'role':'user','content':'What is the weather in New"
                    + " York? Use the weather tool'}],"
                    + "'tools':[{'type':'function','function':{'name':'weather','parameters':{'type':'object','properties':{'city':{'type':'string'}},'required':['city']}}}]}");
        assertTrue(r.body().contains("\"tool_calls\"") && r.body().contains("\\\"city\\\":\\\"New York\\\""), r.body());
        assertTrue(r.body().contains("\"finish_reason\":\"tool_calls\""));
    }

    @Test
    void generatesImagesAndSpeech() throws Exception {
        JsonNode image = EmulatorHttp.json(post(
                        "/v1/images/generations",
                        "{'model':'dall-e-3','prompt':'Generate an image of a cat.','response_format':'b64_json'}")
                .body());
        assertArrayEquals(
                BuiltinTests.testImage(),
                Base64.getDecoder().decode(image.at("/data/0/b64_json").asText()));
        assertFalse(image.at("/data/0").has("url"), "one form, as asked");
        assertEquals(
                "audio/mpeg", speech("").headers().firstValue("Content-Type").orElseThrow(), "mp3 by default");
        assertEquals(0xFF, speech("").body()[0] & 0xFF, "an MPEG frame header");
        HttpResponse<byte[]> wav = speech(",\"response_format\":\"wav\"");
        assertEquals("audio/wav", wav.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("RIFF", new String(wav.body(), 0, 4));
        assertEquals(4800, speech(",\"response_format\":\"pcm\"").body().length, "0.1 s of 24 kHz 16-bit PCM");
    }

    @Test
    void anImageAskedForAsAUrlIsServedByTheEmulator() throws Exception {
        JsonNode image = EmulatorHttp.json(post(
                        "/v1/images/generations",
                        "{'model':'dall-e-3','prompt':'Generate an image of a cat.','response_format':'url'}")
                .body());
        String url = image.at("/data/0/url").asText();
        assertTrue(url.startsWith(http.url() + "/conform/media/"), url);
        HttpResponse<byte[]> served = http.send(
                HttpRequest.newBuilder(java.net.URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(BuiltinTests.testImage(), served.body());
    }

    private static HttpResponse<byte[]> speech(String moreFields) throws Exception {
        return http.send(
                http.request("/v1/audio/speech")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"tts-1\",\"input\":\"Say hello.\",\"voice\":\"alloy\"" + moreFields + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void injectsFaultsAskedForInTheMessage() throws Exception {
        HttpResponse<String> limited = post(
                "/v1/chat/completions",
                "{'model':'gpt-4o','messages':[{'role':'user','content':'hi #emulator:429:3000'}]}");
        assertEquals(
                "rate_limit_error",
                EmulatorHttp.assertRateLimited(limited, "3").at("/error/type").asText());
        assertEquals(
                500,
                post(
                                "/v1/chat/completions",
                                "{'model':'gpt-4o','messages':[{'role':'user','content':'#emulator:500'}]}")
                        .statusCode());
        String malformed = post(
                        "/v1/chat/completions",
                        "{'model':'gpt-4o','messages':[{'role':'user','content':'#emulator:malformed'}]}")
                .body();
        assertThrows(IOException.class, () -> Wire.JSON.readTree(malformed));
        String truncated = http.postCut(
                "/v1/chat/completions",
                EmulatorHttp.quoted("{'model':'gpt-4o','stream':true,'messages':[{'role':'user','content':'one two"
                        + " three #emulator:truncate'}]}"));
        assertEquals(1, EmulatorHttp.sseData(truncated).size(), truncated);
    }

    @Test
    void aBadRequestGetsA500ThatSaysWhy() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", "{not json");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("conform emulator failure"), r.body());
    }

    @Test
    void unknownEndpointsAre404AndTheLogIsRedacted() throws Exception {
        assertEquals(404, post("/v2/unknown", "{}").statusCode());
        post(
                "/v1/chat/completions",
                "{'model':'gpt-4o','messages':[{'role':'user','content':'My key is sk-secret-123456'}]}");
        assertTrue(logged().stream().anyMatch(l -> l.contains("POST /v1/chat/completions model=gpt-4o")));
        assertTrue(logged().stream().noneMatch(l -> l.contains("sk-secret-123456")));
    }

    @Test
    void childEnvironmentKeepsTheUsersKeys() {
        var env = http.emulator.childEnvironment(Map.of("OPENAI_API_KEY", "users-own-key"));
        assertEquals(http.url() + "/v1", env.get("OPENAI_BASE_URL"));
        assertFalse(env.containsKey("OPENAI_API_KEY"), "the user's key is not replaced");
        assertEquals(Redactor.PLACEHOLDER_KEY, env.get("ANTHROPIC_API_KEY"));
    }
}
