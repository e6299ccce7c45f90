package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reference model answers; a dialect encodes it in its wire format, streamed or not. Exactly one of
 * {@code text}, {@code toolCall} and {@code media} is set; {@code thought} may come with any of them.
 */
public record ChatReply(String thought, String text, ToolCallReply toolCall, MediaReply media) {

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

    /** The text split into the pieces a stream sends: one per word, keeping the spaces. */
    public List<String> textChunks() {
        List<String> pieces = new ArrayList<>();
        Matcher m = Pattern.compile("\\S+\\s*|\\s+").matcher(text == null ? "" : text);
        while (m.find()) pieces.add(m.group());
        return pieces;
    }
}
