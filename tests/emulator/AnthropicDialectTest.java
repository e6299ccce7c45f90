package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.config.EmulatorDialect;
import conform.redact.Redactor;
import conform.spec.BuiltinTests;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Anthropic dialect over real HTTP, with the requests shaped as the JS, Python and Go anthropic plugins send
 * them (headers of the Anthropic SDKs, system as a string or as text blocks, tool_use/tool_result, both image
 * sources, structured output in its GA and beta forms), and the replies they parse: JSON messages, the SSE event
 * sequence, the model list and the error document with retry-after.
 */
class AnthropicDialectTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "claude-sonnet-4-5";
    private static final String WEATHER = "What is the weather in New York? Use the tool.";
    private static EmulatorHttp http;

    @BeforeAll
    static void start() {
        http = EmulatorHttp.start(
                EmulatorDialect.ANTHROPIC,
                List.of(MODEL),
                "x-api-key",
                Redactor.PLACEHOLDER_KEY,
                "anthropic-version",
                "2023-06-01");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static HttpResponse<String> post(String pathAndQuery, JsonNode body) throws Exception {
        return http.post(pathAndQuery, body);
    }

    private static JsonNode message(JsonNode body) throws Exception {
        HttpResponse<String> response = post("/v1/messages", body);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static ObjectNode body(String... userTexts) {
        ObjectNode body = JSON.createObjectNode().put("model", MODEL).put("max_tokens", 4096);
        ArrayNode messages = body.putArray("messages");
        for (String text : userTexts) messages.add(user(text));
        return body;
    }

    private static ObjectNode user(String text) {
        ObjectNode message = JSON.createObjectNode().put("role", "user");
        message.putArray("content").addObject().put("type", "text").put("text", text);
        return message;
    }

    /** A request whose one message asks about an image: {@code question}, then an image block from {@code source}. */
    private static ObjectNode aboutAnImage(String question, ObjectNode source) {
        ObjectNode body = body();
        ArrayNode content = ((ArrayNode) body.get("messages"))
                .addObject()
                .put("role", "user")
                .putArray("content");
        content.addObject().put("type", "text").put("text", question);
        content.addObject().put("type", "image").set("source", source);
        return body;
    }

    /** An image source of base64 {@code data} said to be a PNG. */
    private static ObjectNode base64Png(byte[] data) {
        return JSON.createObjectNode()
                .put("type", "base64")
                .put("media_type", "image/png")
                .put("data", Base64.getEncoder().encodeToString(data));
    }

    private static ObjectNode weatherTool() {
        ObjectNode tool =
                JSON.createObjectNode().put("name", "weather").put("description", "Get the weather for a city");
        ObjectNode schema = tool.putObject("input_schema").put("type", "object");
        schema.putObject("properties").putObject("city").put("type", "string");
        schema.putArray("required").add("city");
        return tool;
    }

    private static String text(JsonNode message) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : message.path("content"))
            if (block.path("type").asText().equals("text"))
                text.append(block.path("text").asText());
        return text.toString();
    }

    /** One SSE event: its name and its data document. */
    private record Sse(String event, JsonNode data) {}

    private static List<Sse> stream(ObjectNode body) throws Exception {
        body.put("stream", true);
        HttpResponse<String> response = post("/v1/messages", body);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "text/event-stream",
                response.headers().firstValue("content-type").orElse(""));
        List<Sse> events = new ArrayList<>();
        for (String record : response.body().split("\n\n")) {
            if (record.isBlank()) continue;
            String[] lines = record.split("\n");
            assertTrue(lines[0].startsWith("event: ") && lines[1].startsWith("data: "), record);
            Sse sse = new Sse(lines[0].substring(7), JSON.readTree(lines[1].substring(6)));
            assertEquals(sse.event(), sse.data().path("type").asText(), "the event name repeats the data's type");
            events.add(sse);
        }
        return events;
    }

    private static List<String> names(List<Sse> events) {
        return events.stream().map(Sse::event).toList();
    }

    /** The event names of one content block streamed in {@code deltas} deltas. */
    private static List<String> contentBlock(int deltas) {
        List<String> names = new ArrayList<>(List.of("content_block_start"));
        names.addAll(Collections.nCopies(deltas, "content_block_delta"));
        names.add("content_block_stop");
        return names;
    }

    /** The event names of a whole streamed message of one content block. */
    private static List<String> oneBlockMessage(int deltas) {
        List<String> names = new ArrayList<>(List.of("message_start"));
        names.addAll(contentBlock(deltas));
        names.addAll(List.of("message_delta", "message_stop"));
        return names;
    }

    // ---- models ------------------------------------------------------------------------------------------------

    @Test
    void listsTheSpecModelsAsOnePage() throws Exception {
        for (String query : new String[] {"", "?beta=true"}) {
            HttpResponse<String> response = http.get("/v1/models" + query);
            assertEquals(200, response.statusCode());
            JsonNode page = JSON.readTree(response.body());
            assertEquals(MODEL, page.at("/data/0/id").asText(), response.body());
            assertEquals("model", page.at("/data/0/type").asText());
            assertFalse(page.at("/data/0/display_name").asText().isEmpty());
            assertFalse(page.at("/data/0/created_at").asText().isEmpty());
            assertFalse(page.path("has_more").asBoolean(true));
            assertEquals(MODEL, page.path("first_id").asText());
            assertEquals(MODEL, page.path("last_id").asText());
        }
        HttpResponse<String> one = http.get("/v1/models/" + MODEL);
        assertEquals(MODEL, JSON.readTree(one.body()).path("id").asText());
    }

    // ---- decoding ----------------------------------------------------------------------------------------------

    @Test
    void systemAsStringOrTextBlocksReachesTheModel() throws Exception {
        String instruction =
                "IMPORTANT: your response are machine processed, always start/prefix your response with 'RESPONSE:',"
                        + " ex: 'RESPONSE: hello'";
        ObjectNode asString = body("hello").put("system", instruction);
        assertTrue(text(message(asString)).startsWith("RESPONSE: "), "system as a string (JS, Python)");

        ObjectNode asBlocks = body("hello");
        asBlocks.putArray("system").addObject().put("type", "text").put("text", instruction);
        JsonNode reply = message(asBlocks);
        assertTrue(text(reply).startsWith("RESPONSE: "), "system as text blocks (Go)");
        assertEquals("message", reply.path("type").asText());
        assertEquals("assistant", reply.path("role").asText());
        assertEquals("end_turn", reply.path("stop_reason").asText());
        assertTrue(reply.at("/usage/input_tokens").isInt()
                && reply.at("/usage/output_tokens").isInt());
    }

    @Test
    void aMissingSystemOrToolIsExplainedWithAnthropicsFieldName() throws Exception {
        ObjectNode noSystem = body("hello"); // the system-role case's prompt
        noSystem.putArray("system"); // Go sends an empty list when there is no system message
        assertNull(AnthropicRequests.decode(noSystem).system());
        String explained = text(message(noSystem));
        assertTrue(
                explained.startsWith(ReferenceModel.EXPLANATION_PREFIX) && explained.contains("had no `system`"),
                explained);

        String noTools = text(message(body(WEATHER)));
        assertTrue(
                noTools.contains("the tool-request case needs the tool definitions")
                        && noTools.contains("had no `tools`"),
                noTools);
    }

    @Test
    void toolsAreDecodedAndAnsweredWithToolUse() throws Exception {
        ObjectNode withTool = body(WEATHER);
        withTool.putArray("tools").add(weatherTool());
        JsonNode reply = message(withTool);
        assertEquals("tool_use", reply.path("stop_reason").asText());
        JsonNode use = reply.at("/content/0");
        assertEquals("tool_use", use.path("type").asText());
        assertTrue(use.path("id").asText().startsWith("toolu_"));
        assertEquals("weather", use.path("name").asText());
        assertTrue(use.at("/input/city").isTextual(), "the required argument is filled");

        ChatRequest decoded = AnthropicRequests.decode(withTool);
        assertEquals("weather", decoded.tools().get(0).name());
        assertEquals("object", decoded.tools().get(0).inputSchema().path("type").asText());
    }

    @Test
    void aToolResultIsNamedAfterItsToolUse() throws Exception {
        ObjectNode round = body(WEATHER);
        round.putArray("tools").add(weatherTool());
        ArrayNode messages = (ArrayNode) round.get("messages");
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        ObjectNode use = assistant
                .putArray("content")
                .addObject()
                .put("type", "tool_use")
                .put("id", "toolu_1")
                .put("name", "weather");
        use.putObject("input").put("city", "New York");
        ObjectNode result = messages.addObject().put("role", "user");
        // JS sends the result as text blocks, Python and Go as a string.
        result.putArray("content")
                .addObject()
                .put("type", "tool_result")
                .put("tool_use_id", "toolu_1")
                .putArray("content")
                .addObject()
                .put("type", "text")
                .put("text", "sunny");
        assertEquals("The weather tool says: sunny.", text(message(round)));

        ChatRequest decoded = AnthropicRequests.decode(round);
        assertEquals(
                List.of(ChatRequest.Role.USER, ChatRequest.Role.MODEL, ChatRequest.Role.TOOL),
                decoded.turns().stream().map(ChatRequest.Turn::role).toList());
        assertInstanceOf(
                ChatRequest.ToolCall.class, decoded.turns().get(1).content().get(0));
        ((ObjectNode) result.at("/content/0")).put("content", "rainy");
        assertEquals("The weather tool says: rainy.", text(message(round)));
    }

    @Test
    void imagesInBase64AndUrlSources() throws Exception {
        ObjectNode base64 = aboutAnImage("What text do you see in this image?", base64Png(BuiltinTests.testImage()));
        assertTrue(text(message(base64)).contains("Genkit"));

        ObjectNode url = aboutAnImage(
                "What is this logo?",
                JSON.createObjectNode()
                        .put("type", "url")
                        .put(
                                "url",
                                "https://www.google.com/images/branding/googlelogo/2x/googlelogo_color_272x92dp.png"));
        assertTrue(text(message(url)).contains("Google"));

        // Go's plugin base64-encodes an http(s) URL's text as if it were the image: the API answers 400, and so do we.
        ObjectNode urlAsBytes = aboutAnImage(
                "What is this logo?", base64Png("https://www.google.com/images/googlelogo.png".getBytes()));
        HttpResponse<String> rejected = post("/v1/messages", urlAsBytes);
        assertEquals(400, rejected.statusCode());
        JsonNode error = JSON.readTree(rejected.body());
        assertEquals("invalid_request_error", error.at("/error/type").asText());
        String why = error.at("/error/message").asText();
        assertTrue(
                why.startsWith("messages.0.content.1.image.source.base64.data: ")
                        && why.contains("not appear to be a valid png")
                        && why.contains("begin \"https://www.google.com/"),
                why);

        ObjectNode none = body("What is this logo?");
        String explained = text(message(none));
        assertTrue(explained.contains("had no image content block"), explained);
    }

    @Test
    void historyIsKept() throws Exception {
        ObjectNode history = body("My name is Genkit.");
        ArrayNode messages = (ArrayNode) history.get("messages");
        messages.addObject().put("role", "assistant").put("content", "Hello Genkit.");
        messages.add(user("What is my name?"));
        assertEquals("Your name is Genkit.", text(message(history)));

        String explained = text(message(body("What is my name?")));
        assertTrue(explained.contains("had no earlier `messages`"), explained);
    }

    @Test
    void structuredOutputInTheGaAndBetaForms() throws Exception {
        ObjectNode schema = JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
        schema.putObject("properties").putObject("name").put("type", "string");
        schema.withObject("/properties").putObject("age").put("type", "number");
        schema.putArray("required").add("name").add("age");

        ObjectNode ga = body("Generate a profile for John Doe.");
        ga.putObject("output_config")
                .putObject("format")
                .put("type", "json_schema")
                .set("schema", schema);
        JsonNode profile = JSON.readTree(text(message(ga)));
        assertEquals("John Doe", profile.path("name").asText());
        assertTrue(profile.path("age").isNumber());

        // The beta surface takes the same output_config; the SDK's output_format is no wire field (its parse() turns
        // it into output_config.format), so the API refuses it as an extra input.
        ObjectNode beta = ga.deepCopy();
        beta.putArray("betas").add("structured-outputs-2025-11-13");
        HttpResponse<String> response = post("/v1/messages?beta=true", beta);
        assertEquals(200, response.statusCode());
        assertTrue(JSON.readTree(text(JSON.readTree(response.body()))).has("age"));
        ObjectNode old = body("Generate a profile for John Doe.");
        old.putObject("output_format").put("type", "json_schema").set("schema", schema);
        HttpResponse<String> refused = post("/v1/messages?beta=true", old);
        assertEquals(400, refused.statusCode());
        assertEquals(
                "output_format: Extra inputs are not permitted [conform emulator rule anthropic/known-fields]",
                JSON.readTree(refused.body()).at("/error/message").asText());

        // Python's fallback for models without native structured output: JSON and schema asked for in `system`.
        ObjectNode prompted = body("Generate a profile for John Doe.")
                .put(
                        "system",
                        "\n\n"
                                + "Output valid JSON. Do not wrap the JSON in markdown code fences.\n\n"
                                + "Follow this JSON schema:\n"
                                + schema.toPrettyString());
        assertTrue(JSON.readTree(text(message(prompted))).has("age"));

        String explained = text(message(body("Generate a profile for John Doe.")));
        assertTrue(explained.contains("had no `output_config.format`"), explained);
    }

    @Test
    void thinkingComesFirstWithASignature() throws Exception {
        ObjectNode thinking = body("Think, then answer: 2 + 2?");
        thinking.putObject("thinking").put("type", "enabled").put("budget_tokens", 1024);
        JsonNode reply = message(thinking);
        assertEquals("thinking", reply.at("/content/0/type").asText());
        assertFalse(reply.at("/content/0/thinking").asText().isEmpty());
        assertFalse(reply.at("/content/0/signature").asText().isEmpty());
        assertEquals("text", reply.at("/content/1/type").asText());

        List<Sse> events = stream(thinking);
        List<String> names = names(events);
        assertEquals("message_start", names.get(0));
        assertEquals(contentBlock(2), names.subList(1, 5), "the thinking block");
        assertEquals("content_block_start", names.get(5), "then the text block");
        assertEquals("thinking", events.get(1).data().at("/content_block/type").asText());
        assertEquals("thinking_delta", events.get(2).data().at("/delta/type").asText());
        assertEquals("signature_delta", events.get(3).data().at("/delta/type").asText());
        assertEquals(1, events.get(5).data().path("index").asInt());

        ObjectNode off = body("Think, then answer: 2 + 2?");
        off.putObject("thinking").put("type", "disabled");
        assertEquals("text", message(off).at("/content/0/type").asText());
    }

    // ---- streaming ---------------------------------------------------------------------------------------------

    @Test
    void aStreamedTextAnswerHasTheExactEventSequence() throws Exception {
        List<Sse> events = stream(body("hello there"));
        List<String> names = names(events);
        int deltas = names.size() - 5;
        assertEquals(oneBlockMessage(deltas), names);
        assertTrue(deltas > 1, "one delta per word");

        JsonNode start = events.get(0).data().path("message");
        assertEquals("assistant", start.path("role").asText());
        assertEquals(0, start.path("content").size());
        assertTrue(start.path("stop_reason").isNull());
        assertEquals("text", events.get(1).data().at("/content_block/type").asText());
        assertEquals("", events.get(1).data().at("/content_block/text").asText());
        StringBuilder text = new StringBuilder();
        for (Sse e : events.subList(2, 2 + deltas)) {
            assertEquals("text_delta", e.data().at("/delta/type").asText());
            assertEquals(0, e.data().path("index").asInt());
            text.append(e.data().at("/delta/text").asText());
        }
        assertEquals("Hello! You said: hello there", text.toString());
        assertEquals(
                "end_turn",
                events.get(names.size() - 2).data().at("/delta/stop_reason").asText());
        assertTrue(
                events.get(names.size() - 2).data().at("/usage/output_tokens").isInt());
    }

    @Test
    void aStreamedToolUseSendsItsInputAsJsonDeltas() throws Exception {
        ObjectNode withTool = body("What is the weather in New York? Use the weather tool");
        withTool.putArray("tools").add(weatherTool());
        List<Sse> events = stream(withTool);
        assertEquals(oneBlockMessage(2), names(events));
        JsonNode block = events.get(1).data().path("content_block");
        assertEquals("tool_use", block.path("type").asText());
        assertEquals("weather", block.path("name").asText());
        assertEquals(0, block.path("input").size(), "input arrives through the deltas");
        StringBuilder json = new StringBuilder();
        for (Sse e : events.subList(2, 4)) {
            assertEquals("input_json_delta", e.data().at("/delta/type").asText());
            json.append(e.data().at("/delta/partial_json").asText());
        }
        assertTrue(JSON.readTree(json.toString()).path("city").isTextual(), json.toString());
        assertEquals("tool_use", events.get(5).data().at("/delta/stop_reason").asText());
    }

    // ---- faults ------------------------------------------------------------------------------------------------

    @Test
    void aRateLimitIsAnAnthropicErrorWithRetryAfter() throws Exception {
        for (boolean streaming : new boolean[] {false, true}) {
            ObjectNode limited = body("hello #emulator:429:2000").put("stream", streaming);
            HttpResponse<String> response = post("/v1/messages", limited);
            JsonNode error = EmulatorHttp.assertRateLimited(response, "2");
            assertEquals("2000", response.headers().firstValue("retry-after-ms").orElse(""));
            assertEquals("error", error.path("type").asText());
            assertEquals("rate_limit_error", error.at("/error/type").asText());
        }
        HttpResponse<String> failed = post("/v1/messages", body("hello #emulator:500"));
        assertEquals(500, failed.statusCode());
        assertEquals("api_error", JSON.readTree(failed.body()).at("/error/type").asText());
    }

    @Test
    void stopsAtMaxTokensWithUniqueIdsAndUsage() throws Exception {
        ObjectNode ask = body("one two three four five").put("max_tokens", 2);
        JsonNode first = message(ask);
        assertEquals("max_tokens", first.path("stop_reason").asText());
        assertEquals("Hello! You ", text(first));
        assertEquals(2, first.at("/usage/output_tokens").asInt());
        assertEquals(5, first.at("/usage/input_tokens").asInt());
        assertNotEquals(first.path("id").asText(), message(ask).path("id").asText());
    }

    @Test
    void aTruncatedStreamIsCutAfterMessageStartAsADroppedConnection() throws Exception {
        ObjectNode cut = body("hello #emulator:truncate").put("stream", true);
        String received = http.postCut("/v1/messages", cut);
        assertTrue(received.startsWith("event: message_start\n"), received);
        assertFalse(received.contains("content_block_start"), received);
    }
}
