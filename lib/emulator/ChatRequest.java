package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider request as the reference model sees it, whatever the dialect it came in: what the plugin under
 * test actually sent, decoded from OpenAI, Anthropic, Gemini or Ollama wire format.
 *
 * @param dialect      which wire format it came in (for explanations that name the provider's field)
 * @param system       the system instruction's text, or null when the request carried none
 * @param turns        the conversation without the system instruction, oldest first
 * @param tools        the tools the request declares
 * @param outputSchema the JSON schema the answer must follow, or null
 * @param jsonMode     JSON output was asked for (with or without a schema)
 * @param thoughts     reasoning ("thought") output was asked for
 * @param output       the modality asked for
 * @param toolChoice   whether and which tool the model must call
 */
public record ChatRequest(
        EmulatorDialect dialect,
        String model,
        String system,
        List<Turn> turns,
        List<Tool> tools,
        JsonNode outputSchema,
        boolean jsonMode,
        boolean thoughts,
        Modality output,
        boolean stream,
        ToolChoice toolChoice) {

    /** A request that leaves the choice of tool to the model. */
    public ChatRequest(
            EmulatorDialect dialect,
            String model,
            String system,
            List<Turn> turns,
            List<Tool> tools,
            JsonNode outputSchema,
            boolean jsonMode,
            boolean thoughts,
            Modality output,
            boolean stream) {
        this(dialect, model, system, turns, tools, outputSchema, jsonMode, thoughts, output, stream, ToolChoice.AUTO);
    }

    /** A generation request (an image, speech): one user prompt, answered in {@code output}, never streamed. */
    static ChatRequest generation(EmulatorDialect dialect, String model, String prompt, Modality output) {
        return new ChatRequest(
                dialect,
                model,
                null,
                List.of(new Turn(Role.USER, List.of(new Text(prompt)))),
                List.of(),
                null,
                false,
                false,
                output,
                false);
    }

    /**
     * The tool choice, as the providers spell it: OpenAI's {@code tool_choice} none/auto/required/a function,
     * Anthropic's none/auto/any/tool, Gemini's function-calling mode NONE/AUTO/ANY with allowed names, Bedrock's
     * auto/any/tool.
     *
     * @param names the tools the model may call (empty: any); one name with REQUIRED is a named tool
     */
    public record ToolChoice(Mode mode, List<String> names) {
        public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, List.of());

        public enum Mode {
            /** The model calls a tool when the prompt asks for one. */
            AUTO,
            /** The model must call a tool. */
            REQUIRED,
            /** The model calls no tool. */
            NONE
        }

        public static ToolChoice named(String name) {
            return new ToolChoice(Mode.REQUIRED, List.of(name));
        }
    }

    public enum Role {
        USER,
        MODEL,
        TOOL
    }

    public enum Modality {
        TEXT,
        IMAGE,
        AUDIO
    }

    /** One message of the conversation. */
    public record Turn(Role role, List<Content> content) {

        /**
         * A turn of an API whose messages are the assistant's or the user's (Anthropic, Bedrock): a user message that
         * carries tool results answers the model's tool call, so it is a tool turn, not a user prompt.
         */
        static Turn assistantOrUser(boolean assistant, List<Content> content) {
            boolean toolResults = !assistant && content.stream().anyMatch(ToolResult.class::isInstance);
            return new Turn(assistant ? Role.MODEL : toolResults ? Role.TOOL : Role.USER, content);
        }
    }

    /** A part of a message. */
    public sealed interface Content permits Text, Media, ToolCall, ToolResult {}

    public record Text(String text) implements Content {}

    /** An image, audio or video: inline bytes (data == null when only a URL was sent) and/or a URL. */
    public record Media(String mimeType, byte[] data, String url) implements Content {}

    public record ToolCall(String id, String name, JsonNode arguments) implements Content {}

    public record ToolResult(String id, String name, String output) implements Content {}

    /** A declared tool: its name and the JSON schema of its input. */
    public record Tool(String name, String description, JsonNode inputSchema) {}

    /** The text of the last user turn, or "". */
    public String lastUserText() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role() == Role.USER) {
                StringBuilder sb = new StringBuilder();
                for (Content c : turns.get(i).content()) if (c instanceof Text t) sb.append(t.text());
                return sb.toString();
            }
        }
        return "";
    }

    /**
     * The text of each text part of the user turns that end the conversation (a prompt some plugins split into a
     * message per part), then all of it joined, as {@link #lastUserText} has it.
     */
    public List<String> trailingUserTexts() {
        List<String> texts = new ArrayList<>();
        for (int i = turns.size() - 1; i >= 0 && turns.get(i).role() == Role.USER; i--) {
            List<String> parts = new ArrayList<>();
            for (Content c : turns.get(i).content()) if (c instanceof Text t) parts.add(t.text());
            texts.addAll(0, parts);
        }
        texts.add(lastUserText());
        return texts;
    }

    /** Every media part of every turn. */
    public List<Media> media() {
        return turns.stream()
                .flatMap(t -> t.content().stream())
                .filter(Media.class::isInstance)
                .map(Media.class::cast)
                .toList();
    }

    /** The input tokens, for usage: a token per word of text (and of the system instruction), one per other part. */
    public int promptTokens() {
        int system = this.system == null ? 0 : this.system.split("\\s+").length;
        return Math.max(
                1,
                system
                        + turns.stream()
                                .flatMap(t -> t.content().stream())
                                .mapToInt(c -> c instanceof Text t ? t.text().split("\\s+").length : 1)
                                .sum());
    }

    public boolean endsWithToolResult() {
        return !turns.isEmpty()
                && turns.get(turns.size() - 1).content().stream().anyMatch(ToolResult.class::isInstance);
    }
}
