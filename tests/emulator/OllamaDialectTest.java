package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.config.EmulatorDialect;
import conform.spec.BuiltinTests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Ollama dialect over real HTTP on 127.0.0.1, with requests shaped as genkitx-ollama, genkit-ollama (the
 * {@code ollama} SDK) and the Go plugin send them, and the built-in cases' prompts so the reference model's
 * answers show what was decoded.
 */
class OllamaDialectTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM_PROMPT =
            "IMPORTANT: your response are machine processed, always start/prefix your response with 'RESPONSE:', ex:"
                    + " 'RESPONSE: hello'";
    private static final String IMAGE_PROMPT = "What text do you see in this image?";
    private static EmulatorHttp http;

    @BeforeAll
    static void start() {
        http = EmulatorHttp.start(EmulatorDialect.OLLAMA, List.of("gemma3"));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static ObjectNode chat(Boolean stream, ObjectNode... messages) {
        ObjectNode body = JSON.createObjectNode().put("model", "gemma3");
        if (stream != null) body.put("stream", stream);
        body.putObject("options").put("temperature", 0.1);
        ArrayNode list = body.putArray("messages");
        for (ObjectNode m : messages) list.add(m);
        return body;
    }

    private static ObjectNode message(String role, String content) {
        return JSON.createObjectNode().put("role", role).put("content", content);
    }

    private static HttpResponse<String> post(String path, JsonNode body) throws IOException, InterruptedException {
        return http.post(path, body);
    }

    /** A non-streamed answer, checked to be one JSON document that is done. */
    private static JsonNode answer(JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/chat", body);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode json = JSON.readTree(response.body());
        assertTrue(json.path("done").asBoolean(), response.body());
        assertEquals("assistant", json.at("/message/role").asText());
        return json;
    }

    private static String text(JsonNode body) throws IOException, InterruptedException {
        return answer(body).at("/message/content").asText();
    }

    /** NDJSON lines of a streamed answer. */
    private static List<JsonNode> lines(String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = post(path, body);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "application/x-ndjson",
                response.headers().firstValue("Content-Type").orElse(""));
        List<JsonNode> out = new ArrayList<>();
        for (String line : response.body().split("\n")) if (!line.isBlank()) out.add(JSON.readTree(line));
        return out;
    }

    @Test
    void systemMessageIsTheSystemInstruction() throws Exception {
        assertEquals(
                "RESPONSE: Hello! You said: hello",
                text(chat(false, message("system", SYSTEM_PROMPT), message("user", "hello"))));
        String missing = text(chat(false, message("user", "hello")));
        assertTrue(
                missing.startsWith(ReferenceModel.EXPLANATION_PREFIX) && missing.contains("had no `system` message"),
                missing);
    }

    @Test
    void historyIsReadFromEarlierMessages() throws Exception {
        assertEquals(
                "Your name is Genkit.",
                text(chat(
                        false,
                        message("user", "My name is Genkit."),
                        message("assistant", "Hello Genkit."),
                        message("user", "What is my name?"))));
        String lost = text(chat(false, message("user", "What is my name?")));
        assertTrue(lost.startsWith(ReferenceModel.EXPLANATION_PREFIX) && lost.contains("earlier `messages`"), lost);
    }

    @Test
    void imagesAreBase64OnTheMessage() throws Exception {
        ObjectNode user = message("user", IMAGE_PROMPT);
        user.putArray("images").add(Base64.getEncoder().encodeToString(BuiltinTests.testImage()));
        assertEquals("I see the word Genkit in this image.", text(chat(false, user)));

        String missing = text(chat(false, message("user", IMAGE_PROMPT)));
        assertTrue(
                missing.contains("the input-image-base64 case needs the image")
                        && missing.contains("`images` on the message"),
                missing);

        // A data URI or URL is not what Ollama takes: it answers 400, as the real server does.
        ObjectNode uri = message("user", IMAGE_PROMPT);
        uri.putArray("images").add(BuiltinTests.testImageDataUri());
        HttpResponse<String> rejected = post("/api/chat", chat(false, uri));
        assertEquals(400, rejected.statusCode());
        assertTrue(JSON.readTree(rejected.body()).path("error").asText().contains("base64"), rejected.body());
    }

    @Test
    void toolsAnswerWithToolCallsAndToolMessagesAreResults() throws Exception {
        ObjectNode body = chat(false, message("user", "What is the weather in New York? Use the tool."));
        ObjectNode fn = body.putArray("tools")
                .addObject()
                .put("type", "function")
                .putObject("function")
                .put("name", "weather")
                .put("description", "Get the weather for a city");
        fn.putObject("parameters").put("type", "object").putArray("required").add("city");
        ((ObjectNode) fn.get("parameters"))
                .putObject("properties")
                .putObject("city")
                .put("type", "string");

        JsonNode call = answer(body).at("/message/tool_calls/0/function");
        assertEquals("weather", call.path("name").asText());
        assertTrue(call.path("arguments").isObject(), "Ollama's arguments are an object, not a JSON string: " + call);
        assertTrue(call.at("/arguments/city").isTextual(), call.toString());

        ObjectNode asked = message("assistant", "");
        asked.putArray("tool_calls")
                .addObject()
                .putObject("function")
                .put("name", "weather")
                .putObject("arguments")
                .put("city", "New York");
        ObjectNode result = message("tool", "{\"temp\":21}").put("tool_name", "weather");
        ArrayNode messages = (ArrayNode) body.get("messages");
        messages.add(asked);
        messages.add(result);
        assertEquals("The weather tool says: {\"temp\":21}.", text(body));

        String noTools = text(chat(false, message("user", "What is the weather in New York? Use the tool.")));
        assertTrue(noTools.contains("had no `tools`"), noTools);
    }

    @Test
    void formatAsksForJsonWithOrWithoutASchema() throws Exception {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("name").put("type", "string");
        ((ObjectNode) schema.get("properties")).putObject("age").put("type", "number");
        schema.putArray("required").add("name").add("age");
        ObjectNode withSchema = chat(false, message("user", "Generate a profile for John Doe."));
        withSchema.set("format", schema);
        JsonNode profile = JSON.readTree(text(withSchema));
        assertEquals("John Doe", profile.path("name").asText());
        assertTrue(profile.path("age").isNumber(), profile.toString());

        ObjectNode json = chat(false, message("user", "Generate a profile for John Doe."));
        json.put("format", "json");
        assertTrue(JSON.readTree(text(json)).isObject());

        // The Python SDK sends "format": "" when no output format is asked for.
        ObjectNode empty = chat(false, message("user", "Generate a profile for John Doe."));
        empty.put("format", "");
        String missing = text(empty);
        assertTrue(missing.contains("had no `format`"), missing);
    }

    @Test
    void streamingIsTheDefaultAndEndsWithADoneObject() throws Exception {
        for (Boolean stream : new Boolean[] {null, true}) {
            List<JsonNode> lines = lines(
                    "/api/chat",
                    chat(
                            stream,
                            message("user", "My name is Genkit."),
                            message("assistant", "Hello Genkit."),
                            message("user", "What is my name?")));
            assertTrue(lines.size() >= 3, "one object per word, then done: " + lines);
            StringBuilder text = new StringBuilder();
            for (JsonNode line : lines.subList(0, lines.size() - 1)) {
                assertFalse(line.path("done").asBoolean(), line.toString());
                text.append(line.at("/message/content").asText());
            }
            JsonNode last = lines.get(lines.size() - 1);
            assertTrue(
                    last.path("done").asBoolean()
                            && last.path("done_reason").asText().equals("stop"),
                    last.toString());
            assertEquals("", last.at("/message/content").asText());
            assertEquals("Your name is Genkit.", text.toString(), "stream=" + stream);
        }
        HttpResponse<String> whole = post("/api/chat", chat(false, message("user", "hello")));
        assertTrue(whole.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(1, whole.body().strip().split("\n").length, "stream=false is one document");
    }

    @Test
    void stopsAtNumPredictWithTheLengthReason() throws Exception {
        ObjectNode ask = chat(false, message("user", "one two three"));
        ((ObjectNode) ask.get("options")).put("num_predict", 2);
        JsonNode done = answer(ask);
        assertEquals("Hello! You ", done.at("/message/content").asText());
        assertEquals("length", done.path("done_reason").asText());
        assertEquals(2, done.path("eval_count").asInt());
    }

    @Test
    void aTruncatedStreamIsCutAsADroppedConnection() throws Exception {
        String received = http.postCut("/api/chat", chat(true, message("user", "one two three #emulator:truncate")));
        assertEquals(1, received.strip().split("\n").length, received);
        assertFalse(JSON.readTree(received).path("done").asBoolean(), received);
    }

    @Test
    void streamedToolCallsComeInOneChunk() throws Exception {
        ObjectNode body = chat(true, message("user", "What is the weather in New York? Use the weather tool"));
        body.putArray("tools")
                .addObject()
                .put("type", "function")
                .putObject("function")
                .put("name", "weather")
                .putObject("parameters")
                .put("type", "object");
        List<JsonNode> lines = lines("/api/chat", body);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(
                "weather",
                lines.get(0).at("/message/tool_calls/0/function/name").asText());
        assertTrue(lines.get(1).path("done").asBoolean());
    }

    /**
     * genkitx-ollama JSON-parses every network read by itself, so each NDJSON object must go out in its own
     * write: read the raw chunked body and check every HTTP chunk is exactly one line.
     */
    @Test
    void eachStreamedObjectIsItsOwnChunk() throws Exception {
        String body = chat(null, message("user", "hello there, how are you")).toString();
        try (Socket socket = new Socket("127.0.0.1", http.url().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/chat HTTP/1.1\r\n"
                            + "Host: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\n"
                            + "Connection: close\r\n"
                            + "Content-Length: "
                            + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String headers = readLine(in);
            while (true) {
                String line = readLine(in);
                if (line.isEmpty()) break;
                headers += "\n" + line;
            }
            assertTrue(headers.toLowerCase().contains("transfer-encoding: chunked"), headers);
            List<String> chunks = new ArrayList<>();
            while (true) {
                int size = Integer.parseInt(readLine(in).strip(), 16);
                if (size == 0) break;
                chunks.add(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                readLine(in);
            }
            assertTrue(chunks.size() >= 3, chunks.toString());
            for (String chunk : chunks) {
                assertTrue(
                        chunk.endsWith("\n") && chunk.indexOf('\n') == chunk.length() - 1,
                        "one object per chunk: " + chunk);
                JSON.readTree(chunk);
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) if (b != '\r') line.write(b);
        return line.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generateTakesPromptSystemAndImages() throws Exception {
        ObjectNode body = JSON.createObjectNode()
                .put("model", "gemma3")
                .put("prompt", "hello")
                .put("system", SYSTEM_PROMPT)
                .put("stream", false);
        HttpResponse<String> response = post("/api/generate", body);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "RESPONSE: Hello! You said: hello",
                JSON.readTree(response.body()).path("response").asText());

        ObjectNode image = JSON.createObjectNode().put("model", "gemma3").put("prompt", IMAGE_PROMPT);
        image.putArray("images").add(Base64.getEncoder().encodeToString(BuiltinTests.testImage()));
        StringBuilder streamed = new StringBuilder();
        for (JsonNode line : lines("/api/generate", image))
            streamed.append(line.path("response").asText());
        assertEquals("I see the word Genkit in this image.", streamed.toString());
    }

    @Test
    void thinkAddsThinking() throws Exception {
        ObjectNode body = chat(false, message("user", "Think, then answer: 2 + 2?"));
        body.put("think", true);
        assertFalse(answer(body).at("/message/thinking").asText().isEmpty());
        body.put("think", false);
        assertTrue(answer(body).at("/message/thinking").isMissingNode());
    }

    @Test
    void tagsListsTheSpecModelsAsOllamaDoes() throws Exception {
        HttpResponse<String> response = http.get("/api/tags");
        assertEquals(200, response.statusCode());
        JsonNode model = JSON.readTree(response.body()).at("/models/0");
        assertEquals("gemma3:latest", model.path("name").asText());
        assertEquals("gemma3:latest", model.path("model").asText());
        assertEquals(64, model.path("digest").asText().length());
        assertTrue(model.path("size").isNumber() && model.path("modified_at").isTextual());
        assertEquals("gemma3", model.at("/details/family").asText());
    }

    @Test
    void rateLimitFaultIsA429WithOllamasErrorBody() throws Exception {
        HttpResponse<String> response = post("/api/chat", chat(false, message("user", "hello #emulator:429:2000")));
        assertTrue(EmulatorHttp.assertRateLimited(response, "2").path("error").isTextual(), response.body());
    }

    @Test
    void aRequestWithoutAModelIsRejected() throws Exception {
        HttpResponse<String> response =
                post("/api/chat", JSON.createObjectNode().put("stream", false));
        assertEquals(400, response.statusCode());
        assertEquals(
                "model is required [conform emulator rule ollama/required-fields]",
                JSON.readTree(response.body()).path("error").asText());
    }
}
