package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import conform.spec.BuiltinTests;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Gemini dialect over real HTTP on 127.0.0.1, with request bodies shaped as the JS plugin, the Python
 * google-genai SDK and the Go genai SDK send them: decoding, JSON and SSE encoding, Imagen, listings and faults.
 */
class GeminiDialectTest {

    private static EmulatorHttp http;
    private static final String FLASH = "/v1beta/models/gemini-2.5-flash:generateContent";
    private static final String WEATHER_QUESTION = "What is the weather in New York? Use the tool.";
    private static final String WEATHER =
            "'tools':[{'functionDeclarations':[{'name':'weather','description':'Get the weather',"
                    + "'parameters':{'type':'OBJECT','properties':{'city':{'type':'STRING'}},'required':['city']}}]}]";

    @BeforeAll
    static void start() {
        http = EmulatorHttp.start(
                EmulatorDialect.GEMINI,
                List.of(
                        "gemini-2.5-flash",
                        "gemini-2.5-flash-image",
                        "gemini-2.5-flash-preview-tts",
                        "gemini-3-pro-preview",
                        "imagen-4.0-generate-001"),
                "x-goog-api-key",
                "k");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** Posts JSON written with single quotes for readability. */
    private static HttpResponse<String> post(String path, String json) throws Exception {
        return http.post(path, json.replace('\'', '"'));
    }

    /** A request of one user message of {@code text}, then these top-level fields (in single-quoted JSON). */
    private static String ask(String text, String... fields) {
        StringBuilder json = new StringBuilder("{'contents':[{'role':'user','parts':[{'text':'" + text + "'}]}]");
        for (String field : fields) json.append(',').append(field);
        return json.append('}').toString();
    }

    /** The parts of the first candidate of a GenerateContentResponse. */
    private static JsonNode parts(String body) {
        return EmulatorHttp.json(body).at("/candidates/0/content/parts");
    }

    @Test
    void decodesSystemToolsMediaHistoryAndSchema() {
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xfb, (byte) 0xff, 0x01});
        ChatRequest r = GeminiRequests.decode(
                EmulatorHttp.quoted("{'systemInstruction':{'role':'user','parts':[{'text':'be brief'}]},"
                    + "'contents':[{'role':'user','parts':[{'text':'look'},{'inlineData':{'mimeType':'image/png','data':'"
                        + png + "'}},{'fileData':{'fileUri':'https://www.youtube.com/watch?v=x'}}]},"
                              + "{'role':'model','parts':[{'text':'hmm','thought':true},{'functionCall':{'name':'weather','args':{'city':'NY'}},'thoughtSignature':'c2ln'}]},"
                              + "{'role':'user','parts':[{'functionResponse':{'name':'weather','response':{'name':'weather','content':'21C'}}}]}],"
                              + "'tools':[{'functionDeclarations':[{'name':'weather','parameters':{'type':'OBJECT'}}]},"
                              + "{'functionDeclarations':[{'name':'time','parametersJsonSchema':{'type':'object'}}]}],"
                              + "'generationConfig':{'responseMimeType':'application/json','responseJsonSchema':{'type':'object'},"
                              + "'thinkingConfig':{'includeThoughts':true},'responseModalities':['TEXT']}}"),
                "gemini-2.5-flash",
                false);
        DecodedConversation.assertDecoded(r, new byte[] {(byte) 0xfb, (byte) 0xff, 0x01});
        assertEquals(
                "video/mp4", r.media().get(1).mimeType(), "a fileData part without mimeType is typed from its URL");
        assertEquals(
                1, r.turns().get(1).content().size(), "a thought sent back as history is not part of the conversation");
        assertEquals(ChatRequest.Role.TOOL, r.turns().get(2).role());
        assertEquals("21C", ((ChatRequest.ToolResult) r.turns().get(2).content().get(0)).output());
        assertEquals(
                List.of("weather", "time"),
                r.tools().stream().map(ChatRequest.Tool::name).toList(),
                "one Tool per function, as Python sends them");
        assertEquals("object", r.tools().get(1).inputSchema().get("type").asText());
        assertTrue(r.thoughts() && !r.stream());
        assertEquals(ChatRequest.Modality.TEXT, r.output());
    }

    @Test
    void decodesUrlSafeBase64AsPydanticWritesIt() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xfe};
        assertArrayEquals(bytes, GeminiRequests.base64(Base64.getUrlEncoder().encodeToString(bytes)));
        assertArrayEquals(bytes, GeminiRequests.base64(Base64.getEncoder().encodeToString(bytes)));
    }

    @Test
    void answersJsonWithSystemPrefixAndFinishReason() throws Exception {
        HttpResponse<String> r = post(
                FLASH,
                "{'systemInstruction':{'parts':[{'text':'prefix your response with \\u0027RESPONSE:\\u0027'}]},"
                        + "'contents':[{'role':'user','parts':[{'text':'hello'}]}]}");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(parts(r.body()).get(0).get("text").asText().startsWith("RESPONSE: "), r.body());
        assertEquals(
                "STOP",
                EmulatorHttp.json(r.body()).at("/candidates/0/finishReason").asText());
        JsonNode usage = EmulatorHttp.json(r.body()).path("usageMetadata");
        assertEquals(6, usage.path("promptTokenCount").asInt(), "a token per word of system and prompt");
        assertEquals(5, usage.path("candidatesTokenCount").asInt(), "RESPONSE: Hello! You said: hello");
        assertEquals(11, usage.path("totalTokenCount").asInt());
    }

    @Test
    void answersAFunctionCallForTheDeclaredTool() throws Exception {
        HttpResponse<String> r = post(FLASH, ask(WEATHER_QUESTION, WEATHER));
        JsonNode call = parts(r.body()).get(0).get("functionCall");
        assertEquals("weather", call.get("name").asText(), r.body());
        assertTrue(call.get("args").has("city"), r.body());
        assertFalse(parts(r.body()).get(0).has("thoughtSignature"), "only Gemini 3 signs its calls");
        HttpResponse<String> g3 =
                post("/v1beta/models/gemini-3-pro-preview:generateContent", ask(WEATHER_QUESTION, WEATHER));
        assertTrue(parts(g3.body()).get(0).has("thoughtSignature"), g3.body());
    }

    @Test
    void answersAToolResultWithItsOutput() throws Exception {
        HttpResponse<String> r = post(
                FLASH,
                "{'contents':[{'role':'user','parts':[{'text':'Weather in New"
                    + " York?'}]},{'role':'model','parts':[{'functionCall':{'name':'weather','args':{'city':'New"
                    + " York'}}}]},"
                    + "{'role':'user','parts':[{'functionResponse':{'name':'weather','response':{'name':'weather','content':'21C'}}}]}],"
                        + WEATHER + "}");
        assertTrue(parts(r.body()).get(0).get("text").asText().contains("21C"), r.body());
    }

    @Test
    void explainsWhatTheRequestLackedInGeminiTerms() throws Exception {
        HttpResponse<String> noTools = post(FLASH, ask(WEATHER_QUESTION));
        assertTrue(
                parts(noTools.body()).get(0).get("text").asText().contains("`tools.functionDeclarations`"),
                noTools.body());
        HttpResponse<String> noImage = post(FLASH, ask("What text do you see in this image?"));
        assertTrue(parts(noImage.body()).get(0).get("text").asText().contains("`inlineData`"), noImage.body());
    }

    @Test
    void readsTheImageAndAnswersWithThoughtsWhenAsked() throws Exception {
        String image = Base64.getEncoder().encodeToString(BuiltinTests.testImage());
        HttpResponse<String> r = post(
                FLASH,
                "{'contents':[{'role':'user','parts':[{'text':'What text do you see in this image?'},"
                        + "{'inlineData':{'mimeType':'image/png','data':'" + image
                        + "'}}]}],'generationConfig':{'thinkingConfig':{'includeThoughts':true}}}");
        JsonNode parts = parts(r.body());
        assertTrue(parts.get(0).get("thought").asBoolean(), r.body());
        assertTrue(parts.get(1).get("text").asText().contains("Genkit"), r.body());
        JsonNode usage = EmulatorHttp.json(r.body()).path("usageMetadata");
        assertTrue(usage.path("thoughtsTokenCount").asInt() > 0, r.body());
        assertEquals(
                usage.path("promptTokenCount").asInt()
                        + usage.path("candidatesTokenCount").asInt()
                        + usage.path("thoughtsTokenCount").asInt(),
                usage.path("totalTokenCount").asInt());
    }

    @Test
    void stopsAtMaxOutputTokensWithMaxTokens() throws Exception {
        JsonNode r = EmulatorHttp.json(
                post(FLASH, ask("one two three four five", "'generationConfig':{'maxOutputTokens':3}"))
                        .body());
        assertEquals(
                "Hello! You said: ", r.at("/candidates/0/content/parts/0/text").asText());
        assertEquals("MAX_TOKENS", r.at("/candidates/0/finishReason").asText());
        assertEquals(3, r.at("/usageMetadata/candidatesTokenCount").asInt());
    }

    @Test
    void streamsSseRecordsWordByWordWithTheFinishReasonLast() throws Exception {
        HttpResponse<String> r = post(
                "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
                "{'contents':[{'role':'user','parts':[{'text':'My name is"
                    + " Genkit.'}]},{'role':'model','parts':[{'text':'Hi'}]},{'role':'user','parts':[{'text':'What is"
                    + " my name?'}]}],'generationConfig':{'thinkingConfig':{'includeThoughts':true}}}");
        assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().startsWith("data: {") && r.body().endsWith("}\n\n"), r.body());
        List<JsonNode> records = EmulatorHttp.sseData(r.body());
        assertTrue(records.get(0).at("/candidates/0/content/parts/0/thought").asBoolean(), "the thought comes first");
        StringBuilder text = new StringBuilder();
        for (JsonNode rec : records.subList(1, records.size()))
            text.append(rec.at("/candidates/0/content/parts/0/text").asText());
        assertEquals("Your name is Genkit.", text.toString());
        assertEquals(
                "STOP",
                records.get(records.size() - 1).at("/candidates/0/finishReason").asText());
        assertTrue(records.get(0).at("/candidates/0/finishReason").isMissingNode());
    }

    @Test
    void streamsAFunctionCallInOneRecord() throws Exception {
        HttpResponse<String> r = post(
                "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
                ask("What is the weather in New York? Use the weather tool", WEATHER));
        List<JsonNode> records = EmulatorHttp.sseData(r.body());
        assertEquals(1, records.size(), r.body());
        assertEquals(
                "weather",
                records.get(0)
                        .at("/candidates/0/content/parts/0/functionCall/name")
                        .asText());
        assertEquals("STOP", records.get(0).at("/candidates/0/finishReason").asText());
    }

    @Test
    void streamsAJsonArrayWithoutAltSse() throws Exception {
        HttpResponse<String> r = post("/v1beta/models/gemini-2.5-flash:streamGenerateContent", ask("one two"));
        assertTrue(EmulatorHttp.json(r.body()).isArray(), r.body());
    }

    /** The inline data that {@code model} answers {@code prompt} with, asked for these response modalities. */
    private static JsonNode inlineAnswer(String model, String prompt, String modalities) throws Exception {
        HttpResponse<String> r = post(
                "/v1beta/models/" + model + ":generateContent",
                ask(prompt, "'generationConfig':{'responseModalities':[" + modalities + "]}"));
        return parts(r.body()).get(0).get("inlineData");
    }

    @Test
    void answersImageAndPcmAudioAsInlineData() throws Exception {
        JsonNode inline = inlineAnswer("gemini-2.5-flash-image", "Draw a cat", "'TEXT','IMAGE'");
        assertEquals("image/png", inline.get("mimeType").asText());
        assertArrayEquals(
                BuiltinTests.testImage(),
                Base64.getDecoder().decode(inline.get("data").asText()));
        JsonNode audio = inlineAnswer("gemini-2.5-flash-preview-tts", "Hello world", "'AUDIO'");
        assertEquals("audio/L16;codec=pcm;rate=24000", audio.get("mimeType").asText());
        assertNotEquals(
                "RIFF",
                new String(Base64.getDecoder().decode(audio.get("data").asText()), 0, 4),
                "raw PCM, as the real API sends it");
    }

    @Test
    void imagenPredictReturnsBase64Predictions() throws Exception {
        HttpResponse<String> r = post(
                "/v1beta/models/imagen-4.0-generate-001:predict",
                "{'instances':[{'prompt':'Generate an image of a cat.'}],'parameters':{'sampleCount':1}}");
        JsonNode prediction = EmulatorHttp.json(r.body()).at("/predictions/0");
        assertEquals("image/png", prediction.get("mimeType").asText());
        assertArrayEquals(
                BuiltinTests.testImage(),
                Base64.getDecoder().decode(prediction.get("bytesBase64Encoded").asText()));
    }

    @Test
    void listsModelsInPagesAndGetsOne() throws Exception {
        JsonNode page = EmulatorHttp.json(http.get("/v1beta/models?pageSize=1").body());
        assertEquals("models/gemini-2.5-flash", page.at("/models/0/name").asText());
        assertEquals(
                "generateContent",
                page.at("/models/0/supportedGenerationMethods/0").asText());
        assertEquals("1", page.path("nextPageToken").asText(), "five models, pages of one");
        JsonNode last = EmulatorHttp.json(
                http.get("/v1beta/models?pageSize=1&pageToken=4").body());
        assertEquals("models/imagen-4.0-generate-001", last.at("/models/0/name").asText());
        assertFalse(last.has("nextPageToken"), "the last page");
        assertEquals(200, http.get("/v1beta/models/gemini-2.5-flash").statusCode());
        assertEquals(404, http.get("/v1beta/models/unknown-model").statusCode());
        assertEquals(
                "predict",
                GeminiDialect.model("imagen-4.0-generate-001")
                        .at("/supportedGenerationMethods/0")
                        .asText());
    }

    @Test
    void answersA429WithRetryInfoAndOtherFaults() throws Exception {
        HttpResponse<String> limited = post(FLASH, ask("hi #emulator:429:3000"));
        JsonNode error = EmulatorHttp.assertRateLimited(limited, "3");
        assertEquals("RESOURCE_EXHAUSTED", error.at("/error/status").asText());
        assertEquals("3s", error.at("/error/details/0/retryDelay").asText());
        HttpResponse<String> failed = post(FLASH, ask("#emulator:500"));
        assertEquals(500, failed.statusCode());
        assertEquals(
                "INTERNAL", EmulatorHttp.json(failed.body()).at("/error/status").asText());
        String truncated = http.postCut(
                "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
                EmulatorHttp.quoted(ask("one two three #emulator:truncate")));
        assertEquals(1, EmulatorHttp.sseData(truncated).size(), truncated);
    }

    @Test
    void servesV1AsGoogleGenai3DoesAndLeavesOtherClientsTheirV1Listing() throws Exception {
        // google-genai 3.x calls v1 by default; its key header tells its listing from OpenAI's at the same path.
        assertEquals(
                "models/gemini-2.5-flash",
                EmulatorHttp.json(http.get("/v1/models").body())
                        .at("/models/0/name")
                        .asText());
        assertEquals(200, http.get("/v1/models/gemini-2.5-flash").statusCode());
        assertEquals(
                "Hello! You said: hi",
                EmulatorHttp.json(post("/v1/models/gemini-2.5-flash:generateContent", ask("hi"))
                                .body())
                        .at("/candidates/0/content/parts/0/text")
                        .asText());
        HttpResponse<String> openAi = http.send(HttpRequest.newBuilder(URI.create(http.url() + "/v1/models"))
                .GET()
                .build());
        assertTrue(EmulatorHttp.json(openAi.body()).has("data"), "without Google's headers GET /v1/models is OpenAI's");
    }

    @Test
    void answers404ForUnknownMethods() throws Exception {
        assertEquals(
                404,
                post("/v1beta/models/gemini-2.5-flash:batchGenerateContent", "{}")
                        .statusCode());
        assertEquals(
                10,
                EmulatorHttp.json(post("/v1beta/models/gemini-2.5-flash:countTokens", "{'contents':[]}")
                                .body())
                        .get("totalTokens")
                        .asInt());
    }
}
