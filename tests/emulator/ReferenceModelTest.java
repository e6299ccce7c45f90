package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import conform.emulator.ChatRequest.Media;
import conform.emulator.ChatRequest.Modality;
import conform.emulator.ChatRequest.Role;
import conform.emulator.ChatRequest.Text;
import conform.emulator.ChatRequest.Turn;
import conform.spec.BuiltinTests;
import conform.support.Fixtures;
import conform.support.RepoRoot;
import conform.validate.Responses;
import conform.validate.ValidatorRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The reference model: right answers when the request carries what the case needs, explanations when not. */
class ReferenceModelTest {

    private static final BuiltinTests BUILTINS = BuiltinTests.load(ValidatorRegistry.builtins());
    private static final ServedMedia MEDIA = new ServedMedia(BUILTINS);
    private static final ReferenceModel MODEL = model(ReferenceModel.Audience.CONFORMANCE_RUN);

    private static ReferenceModel model(ReferenceModel.Audience audience) {
        return new ReferenceModel(BUILTINS, kind -> new OpenAiDialect(), audience, MEDIA);
    }

    private static final ChatRequest.Tool WEATHER = new ChatRequest.Tool(
            "weather",
            "",
            Responses.json("{'type':'object','properties':{'city':{'type':'string'}},'required':['city']}"));

    private static ChatRequest request(
            String system, List<Turn> turns, List<ChatRequest.Tool> tools, boolean json, Modality modality) {
        return new ChatRequest(
                EmulatorDialect.OPENAI, "gpt-4o", system, turns, tools, null, json, false, modality, false);
    }

    /** A text request of one user prompt, without system instruction or tools, asking for this kind of output. */
    private static ChatRequest prompt(String text, JsonNode outputSchema, boolean json, boolean thoughts) {
        return new ChatRequest(
                EmulatorDialect.OPENAI,
                "gpt-4o",
                null,
                List.of(user(text)),
                List.of(),
                outputSchema,
                json,
                thoughts,
                Modality.TEXT,
                false);
    }

    private static Turn user(String text) {
        return new Turn(Role.USER, List.of(new Text(text)));
    }

    @Test
    void anApplicationsOrdinaryPromptGetsAnOrdinaryAnswerNotACaseExplanation() {
        ReferenceModel forApps = model(ReferenceModel.Audience.APPLICATION);
        // "Say hello." is the output-audio case's prompt, and "hello" the system-role case's.
        for (String ordinary : List.of("Say hello.", "hello")) {
            ChatRequest r = prompt(ordinary, null, false, false);
            assertTrue(MODEL.answer(r).text().startsWith(ReferenceModel.EXPLANATION_PREFIX), "a run explains");
            assertEquals("Hello! You said: " + ordinary, forApps.answer(r).text());
        }
    }

    @Test
    void knowsTheStandInItServedForATestImageUrlWhenAPluginSendsItsBytes() throws Exception {
        String logo = "https://www.google.com/images/branding/googlelogo/2x/googlelogo_color_272x92dp.png";
        String served =
                MEDIA.testImageUrls(java.net.URI.create("http://127.0.0.1:1")).get(logo);
        assertEquals("http://127.0.0.1:1/conform/media/googlelogo_color_272x92dp.png", served);
        byte[] bytes = MEDIA.standIn("googlelogo_color_272x92dp.png");
        ChatRequest downloaded = new ChatRequest(
                EmulatorDialect.GEMINI,
                "gemini-2.5-flash",
                null,
                List.of(new Turn(
                        Role.USER, List.of(new Text("What is this logo?"), new Media("image/png", bytes, null)))),
                List.of(),
                null,
                false,
                false,
                Modality.TEXT,
                false);
        assertEquals("That is the Google logo.", MODEL.answer(downloaded).text());
    }

    @Test
    void followsJsonInstructionsInThePromptAsGenkitWritesThemForModelsWithoutConstrainedOutput() {
        // compat-oai sends the prompt and Genkit's output instruction as two user messages.
        ChatRequest r = new ChatRequest(
                EmulatorDialect.OPENAI,
                "deepseek-chat",
                null,
                List.of(
                        user("Generate a profile for John Doe."),
                        user("Output should be in JSON format and conform to the following schema:\n\n```\n"
                                + "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                                + "\"age\":{\"type\":\"number\"}},\"required\":[\"name\",\"age\"]}\n```\n")),
                List.of(),
                null,
                false,
                false,
                Modality.TEXT,
                false);
        assertEquals("structured-output", MODEL.recognize(r).orElseThrow());
        JsonNode answer = Responses.json(MODEL.answer(r).text().replace('"', '\''));
        assertEquals("John Doe", answer.get("name").asText());
        assertTrue(answer.get("age").isNumber(), answer.toString());
    }

    @Test
    void recognisesEveryBuiltinCaseByItsPrompt() {
        assertEquals(
                "system-role",
                MODEL.recognize(request(null, List.of(user("hello")), List.of(), false, Modality.TEXT))
                        .orElseThrow());
        assertEquals(
                "tool-request",
                MODEL.recognize(request(
                                null,
                                List.of(user("What is the weather in New York? Use the tool.")),
                                List.of(),
                                false,
                                Modality.TEXT))
                        .orElseThrow());
        assertTrue(MODEL.recognize(request(null, List.of(user("something else")), List.of(), false, Modality.TEXT))
                .isEmpty());
    }

    @Test
    void recognisesAPromptThatGenkitExtendedWithOutputInstructions() {
        ChatRequest extended = request(
                null,
                List.of(user("Generate a profile for John Doe.Output should be in JSON format and conform to the"
                        + " following schema: {}")),
                List.of(),
                false,
                Modality.TEXT);
        assertEquals("structured-output", MODEL.recognize(extended).orElseThrow());
        assertTrue(
                MODEL.answer(extended).text().contains("needs JSON output with the schema"),
                MODEL.answer(extended).text());
        assertTrue(
                MODEL.recognize(request(null, List.of(user("hello there")), List.of(), false, Modality.TEXT))
                        .isEmpty(),
                "short prompts match exactly");
    }

    @Test
    void honoursTheSystemInstruction() {
        ChatReply reply = MODEL.answer(request(
                "IMPORTANT: ... always start/prefix your response with 'RESPONSE:', ex: 'RESPONSE: hello'",
                List.of(user("hello")),
                List.of(),
                false,
                Modality.TEXT));
        assertTrue(reply.text().startsWith("RESPONSE: "), reply.text());
    }

    @Test
    void explainsAMissingSystemInstructionInTheProvidersTerms() {
        ChatReply reply = MODEL.answer(request(null, List.of(user("hello")), List.of(), false, Modality.TEXT));
        assertEquals(
                "[conform emulator] the system-role case needs the system instruction, but the openai request to"
                        + " gpt-4o had no `system` (or `developer`) message.",
                reply.text());
    }

    @Test
    void callsTheToolWithArgumentsFromItsSchema() {
        ChatReply reply = MODEL.answer(request(
                null,
                List.of(user("What is the weather in New York? Use the tool.")),
                List.of(WEATHER),
                false,
                Modality.TEXT));
        assertEquals("weather", reply.toolCall().name());
        assertEquals("New York", reply.toolCall().arguments().get("city").asText());
    }

    @Test
    void explainsMissingTools() {
        ChatReply reply = MODEL.answer(request(
                null,
                List.of(user("What is the weather in New York? Use the tool.")),
                List.of(),
                false,
                Modality.TEXT));
        assertNull(reply.toolCall());
        assertTrue(
                reply.text().contains("needs the tool definitions")
                        && reply.text().contains("`tools`"),
                reply.text());
    }

    @Test
    void answersWithAnInstanceOfTheSchema() {
        JsonNode schema = Responses.json(
                "{'type':'object','properties':{'name':{'type':'string'},'age':{'type':'number'}},'required':['name','age']}");
        ChatRequest r = prompt("Generate a profile for John Doe.", schema, true, false);
        var json = Responses.json(MODEL.answer(r).text());
        assertEquals("John Doe", json.get("name").asText());
        assertTrue(json.get("age").isNumber());
    }

    @Test
    void usesTheHistory() {
        List<Turn> turns = List.of(
                user("My name is Genkit."),
                new Turn(Role.MODEL, List.of(new Text("Hello Genkit."))),
                user("What is my name?"));
        assertEquals(
                "Your name is Genkit.",
                MODEL.answer(request(null, turns, List.of(), false, Modality.TEXT))
                        .text());
        String dropped = MODEL.answer(request(null, List.of(user("What is my name?")), List.of(), false, Modality.TEXT))
                .text();
        assertTrue(dropped.contains("needs the earlier turns"), dropped);
    }

    @Test
    void knowsConformsTestImage() {
        Turn withImage = new Turn(
                Role.USER,
                List.of(
                        new Text("What text do you see in this image?"),
                        new Media("image/png", BuiltinTests.testImage(), null)));
        assertTrue(MODEL.answer(request(null, List.of(withImage), List.of(), false, Modality.TEXT))
                .text()
                .contains("Genkit"));
        String dropped = MODEL.answer(request(
                        null, List.of(user("What text do you see in this image?")), List.of(), false, Modality.TEXT))
                .text();
        assertTrue(dropped.contains("needs the image"), dropped);
    }

    @Test
    void knowsTheImageOfTheCanonicalTool() throws Exception {
        // genkit dev:test-model sends the Genkit logo of its own, read here from the CLI that setup installs.
        Fixtures.ensureSetUp();
        Path cli =
                RepoRoot.find().resolve("entries/genkit-cli/node_modules/genkit-cli/dist/commands/dev-test-model.js");
        Matcher image = Pattern.compile("const imageBase64 = '([^']+)'").matcher(Files.readString(cli));
        assertTrue(image.find(), "the CLI's test image");
        Turn withImage = new Turn(
                Role.USER,
                List.of(
                        new Text("What text do you see in this image?"),
                        new Media("image/png", Base64.getDecoder().decode(image.group(1)), null)));
        assertTrue(MODEL.answer(request(null, List.of(withImage), List.of(), false, Modality.TEXT))
                .text()
                .contains("Genkit"));
    }

    @Test
    void producesMediaForImageAndAudioOutput() {
        assertEquals(
                "image/png",
                MODEL.answer(request(
                                null, List.of(user("Generate an image of a cat.")), List.of(), false, Modality.IMAGE))
                        .media()
                        .mimeType());
        ChatReply audio = MODEL.answer(request(null, List.of(user("Say hello.")), List.of(), false, Modality.AUDIO));
        assertEquals("audio/wav", audio.media().mimeType());
        assertEquals("RIFF", new String(audio.media().data(), 0, 4));
    }

    @Test
    void answersAfterAToolResult() {
        List<Turn> turns = List.of(
                user("What is the weather?"),
                new Turn(Role.TOOL, List.of(new ChatRequest.ToolResult("1", "weather", "21C"))));
        assertTrue(MODEL.answer(request(null, turns, List.of(WEATHER), false, Modality.TEXT))
                .text()
                .contains("21C"));
    }

    @Test
    void thoughtsWhenAsked() {
        assertNotNull(
                MODEL.answer(prompt("Think about bananas", null, false, true)).thought());
    }

    @Test
    void faultsAreReadFromTheLastMessage() {
        assertEquals(
                Fault.Kind.RATE_LIMIT, Fault.inText("hi #emulator:429:2500").kind());
        assertEquals(2500, Fault.inText("hi #emulator:429:2500").millis());
        assertEquals(Fault.Kind.STALL, Fault.inText("#emulator:stall:10").kind());
        assertTrue(Fault.inText("no directive").none());
        assertTrue(Fault.parse("nonsense", null).isEmpty());
    }

    @Test
    void streamsTextWordByWord() {
        assertEquals(
                List.of("Your ", "name ", "is ", "Genkit."),
                ChatReply.text(null, "Your name is Genkit.").textChunks());
    }
}
