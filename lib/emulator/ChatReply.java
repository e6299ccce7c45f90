package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reference model answers; a dialect encodes it in its wire format, streamed or not. Exactly one of
 * {@code text}, {@code toolCall} and {@code media} is set; {@code thought} may come with any of them.
 *
 * @param cutAtLimit the text stops early at the request's output token limit: the provider's length stop reason
 */
public record ChatReply(String thought, String text, ToolCallReply toolCall, MediaReply media, boolean cutAtLimit) {

    public ChatReply(String thought, String text, ToolCallReply toolCall, MediaReply media) {
        this(thought, text, toolCall, media, false);
    }

    public record ToolCallReply(String id, String name, JsonNode arguments) {}

    public record MediaReply(String mimeType, byte[] data) {}

    public static ChatReply text(String thought, String text) {
        return new ChatReply(thought, text, null, null);
    }

    public static ChatReply toolCall(String id, String name, JsonNode arguments) {
        return new ChatReply(null, null, new ToolCallReply(id, name, arguments), null);
    }

    public static ChatReply media(String mimeType, byte[] data) {
        return new ChatReply(null, null, null, new MediaReply(mimeType, data));
    }

    /**
     * The reply within an output limit of {@code maxTokens} (null: none), counting a token per word as
     * {@link #textChunks} splits it: a longer text stops after that many, as a model stops at its limit.
     */
    public ChatReply limitedTo(Integer maxTokens) {
        List<String> chunks = textChunks();
        if (maxTokens == null || text == null || chunks.size() <= maxTokens) return this;
        return new ChatReply(thought, String.join("", chunks.subList(0, Math.max(0, maxTokens))), null, null, true);
    }

    /** The output tokens of the reply, for usage: a token per word of text and thought, at least one. */
    public int outputTokens() {
        int thinking = thought == null ? 0 : text(null, thought).textChunks().size();
        return Math.max(1, textChunks().size() + thinking);
    }

    /** The text split into the pieces a stream sends: one per word, keeping the spaces. */
    public List<String> textChunks() {
        List<String> pieces = new ArrayList<>();
        Matcher m = Pattern.compile("\\S+\\s*|\\s+").matcher(text == null ? "" : text);
        while (m.find()) pieces.add(m.group());
        return pieces;
    }
}
