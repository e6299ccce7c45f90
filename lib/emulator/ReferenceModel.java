package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.config.EmulatorDialect;
import conform.emulator.ChatRequest.Media;
import conform.emulator.ChatRequest.Role;
import conform.emulator.ChatRequest.Text;
import conform.emulator.Dialect.Concept;
import conform.spec.BuiltinTests;
import conform.spec.TestCase;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic model behind every dialect. It knows conform's built-in cases by their prompts and answers
 * each correctly only when the provider request carries what the case needs — the tool, the schema, the system
 * instruction, the image, the history — in that provider's format; otherwise its answer says which part of the
 * provider request was missing, and that text reaches the user in the validator's failure message.
 */
public final class ReferenceModel {

    public static final String EXPLANATION_PREFIX = "[conform emulator] ";
    static final String GOOGLE_LOGO = "googlelogo";

    /** What each built-in capability needs from the provider request. */
    private static final Map<String, Concept> NEEDS = Map.ofEntries(
            Map.entry("tool-request", Concept.TOOLS), Map.entry("streaming-tool-request", Concept.TOOLS),
            Map.entry("structured-output", Concept.JSON_SCHEMA),
                    Map.entry("streaming-structured-output", Concept.JSON_SCHEMA),
            Map.entry("multiturn", Concept.HISTORY), Map.entry("streaming-multiturn", Concept.HISTORY),
            Map.entry("system-role", Concept.SYSTEM), Map.entry("input-image-base64", Concept.IMAGE),
            Map.entry("input-image-url", Concept.IMAGE), Map.entry("input-video-youtube", Concept.VIDEO),
            Map.entry("output-audio", Concept.AUDIO_OUTPUT), Map.entry("output-image", Concept.IMAGE_OUTPUT));

    private static final Pattern PREFIX = Pattern.compile("(?i)prefix your response with '([^']+)'");
    private static final Pattern NAME = Pattern.compile("(?i)my name is ([\\p{L}0-9 ]+?)[.!]?$");
    private static final Pattern SUBJECT = Pattern.compile("\\bfor ([A-Z][\\p{L}]+(?: [A-Z][\\p{L}]+)*)");

    /** Whom the model answers: conform's own runs, or an application's tests against {@code conform emulate}. */
    public enum Audience {
        /** A request that lacks what its conformance case needs is answered with the explanation. */
        CONFORMANCE_RUN,
        /** Every prompt gets an ordinary answer: an app's "Say hello." is no case of conform's. */
        APPLICATION
    }

    private final Map<String, String> capabilityByPrompt = new HashMap<>();
    private final Function<EmulatorDialect, Dialect> dialects;
    private final Audience audience;
    private final byte[] testImage = BuiltinTests.testImage();
    /**
     * The image genkit dev:test-model sends instead (the Genkit logo: its hexagon and the word), known by its SHA-256:
     * under --runner cli a model that reads the word must be told it too.
     */
    private static final String CANONICAL_TEST_IMAGE_SHA256 =
            "99d2f40cd74d516ec23508c11b96255cf05180c85ee752db91bc9f313c6026c7";

    private final ServedMedia media;

    ReferenceModel(
            BuiltinTests builtins, Function<EmulatorDialect, Dialect> dialects, Audience audience, ServedMedia media) {
        this.dialects = dialects;
        this.audience = audience;
        this.media = media;
        for (String tag : builtins.capabilities()) {
            TestCase test = builtins.forCapability(tag).orElseThrow();
            JsonNode messages = test.input().get("messages");
            JsonNode last = messages.get(messages.size() - 1).get("content");
            StringBuilder text = new StringBuilder();
            last.forEach(part -> text.append(part.path("text").asText("")));
            capabilityByPrompt.put(text.toString().strip(), tag);
        }
    }

    /** Shorter prompts ("hello") must match exactly: as prefixes they would match ordinary text. */
    private static final int MIN_PREFIX_PROMPT = 12;

    /**
     * The built-in capability whose prompt this request carries, if any. A longer prompt also counts when it starts
     * the text: Genkit appends its own output instructions to the prompt for models without constrained output.
     */
    public Optional<String> recognize(ChatRequest request) {
        // compat-oai sends each text part of a prompt as a message of its own: any of them may be the case's.
        for (String candidate : request.trailingUserTexts()) {
            String text = candidate.strip();
            String exact = capabilityByPrompt.get(text);
            if (exact != null) return Optional.of(exact);
            Optional<String> prefix = capabilityByPrompt.entrySet().stream()
                    .filter(e -> e.getKey().length() >= MIN_PREFIX_PROMPT && text.startsWith(e.getKey()))
                    .max(Map.Entry.comparingByKey(Comparator.comparingInt(String::length)))
                    .map(Map.Entry::getValue);
            if (prefix.isPresent()) return prefix;
        }
        return Optional.empty();
    }

    public ChatReply answer(ChatRequest request) {
        Optional<String> capability = recognize(request);
        Optional<Concept> need = capability.map(NEEDS::get);
        if (audience == Audience.CONFORMANCE_RUN && need.isPresent() && !carries(request, need.get()))
            return ChatReply.text(null, explain(request, capability.get(), need.get()));
        if (request.output() == ChatRequest.Modality.IMAGE) return ChatReply.media("image/png", testImage);
        if (request.output() == ChatRequest.Modality.AUDIO) return ChatReply.media("audio/wav", Audio.silenceWav());
        String thought = request.thoughts()
                ? "The user asks: " + request.lastUserText().strip() + " I will answer briefly."
                : null;
        ChatRequest.Tool tool = ToolCalls.choose(request);
        if (tool != null) {
            return new ChatReply(
                    thought,
                    null,
                    new ChatReply.ToolCallReply(Ids.next("call_"), tool.name(), ToolCalls.arguments(tool, request)),
                    null);
        }
        JsonInstructions instructed = JsonInstructions.in(request);
        if (request.jsonMode() || request.outputSchema() != null || instructed != null) {
            JsonNode schema =
                    request.outputSchema() != null || instructed == null ? request.outputSchema() : instructed.schema();
            String subject = subject(String.join(" ", request.trailingUserTexts()));
            return ChatReply.text(thought, Schemas.instanceOf(schema, subject).toString());
        }
        return ChatReply.text(thought, prefix(request) + content(request));
    }

    static boolean carries(ChatRequest r, Concept concept) {
        return switch (concept) {
            case SYSTEM -> r.system() != null && !r.system().isBlank();
            case TOOLS -> !r.tools().isEmpty();
            case JSON_SCHEMA -> r.jsonMode() || r.outputSchema() != null || JsonInstructions.in(r) != null;
            case HISTORY ->
                r.turns().stream().filter(t -> t.role() == Role.USER).count() >= 2;
            case IMAGE ->
                r.media().stream()
                        .anyMatch(m -> m.mimeType() != null && m.mimeType().startsWith("image/"));
            case VIDEO ->
                r.media().stream()
                        .anyMatch(m -> (m.mimeType() != null && m.mimeType().startsWith("video/"))
                                || (m.url() != null && m.url().contains("youtube")));
            case THOUGHTS -> r.thoughts();
            case IMAGE_OUTPUT -> r.output() == ChatRequest.Modality.IMAGE;
            case AUDIO_OUTPUT -> r.output() == ChatRequest.Modality.AUDIO;
        };
    }

    private String explain(ChatRequest r, String capability, Concept need) {
        Dialect dialect = dialects.apply(r.dialect());
        String field = dialect == null ? need.name().toLowerCase(Locale.ROOT) : dialect.fieldName(need);
        return EXPLANATION_PREFIX + "the " + capability + " case needs " + describe(need) + ", but the "
                + r.dialect().name().toLowerCase(Locale.ROOT) + " request to " + r.model() + " had no " + field + ".";
    }

    private static String describe(Concept need) {
        return switch (need) {
            case SYSTEM -> "the system instruction";
            case TOOLS -> "the tool definitions";
            case JSON_SCHEMA -> "JSON output with the schema";
            case HISTORY -> "the earlier turns of the conversation";
            case IMAGE -> "the image";
            case VIDEO -> "the video";
            case THOUGHTS -> "thinking output";
            case IMAGE_OUTPUT -> "image output";
            case AUDIO_OUTPUT -> "audio output";
        };
    }

    private static String prefix(ChatRequest r) {
        if (r.system() == null) return "";
        Matcher m = PREFIX.matcher(r.system());
        return m.find() ? m.group(1) + " " : "";
    }

    private String content(ChatRequest r) {
        if (r.endsWithToolResult()) {
            ChatRequest.Content last = r.turns().get(r.turns().size() - 1).content().stream()
                    .filter(ChatRequest.ToolResult.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            return "The " + ((ChatRequest.ToolResult) last).name() + " tool says: "
                    + ((ChatRequest.ToolResult) last).output() + ".";
        }
        for (Media media : r.media()) {
            if (media.data() != null && (Arrays.equals(media.data(), testImage) || isCanonicalTestImage(media.data())))
                return "I see the word Genkit in this image.";
            // A plugin that downloads an image URL itself sends the bytes the emulator served for it.
            String url = media.url() != null ? media.url() : this.media.originalUrl(media.data());
            if (url != null && url.contains(GOOGLE_LOGO)) return "That is the Google logo.";
            if (url != null && url.contains("youtube")) return "The video shows a short scene.";
            if (media.mimeType() != null && media.mimeType().startsWith("image/")) {
                return "An image of " + (media.data() == null ? "unknown size" : media.data().length + " bytes") + ".";
            }
        }
        String user = r.lastUserText().strip();
        if (user.toLowerCase(Locale.ROOT).contains("what is my name")) {
            for (ChatRequest.Turn turn : r.turns()) {
                for (ChatRequest.Content c : turn.content()) {
                    if (turn.role() == Role.USER && c instanceof Text t) {
                        Matcher m = NAME.matcher(t.text().strip());
                        if (m.find()) return "Your name is " + m.group(1).strip() + ".";
                    }
                }
            }
        }
        return "Hello! You said: " + user;
    }

    private static boolean isCanonicalTestImage(byte[] data) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(data))
                    .equals(CANONICAL_TEST_IMAGE_SHA256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(String prompt) {
        Matcher m = SUBJECT.matcher(prompt);
        return m.find() ? m.group(1) : "Genkit";
    }

    /** A JSON object for when no schema says more. */
    static ObjectNode plainJson(String answer) {
        return Wire.JSON.createObjectNode().put("answer", answer);
    }
}
