package conform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;

/** Builds GenerateResponses and chunks from compact JSON for validator tests. */
public final class Responses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A response whose message content is the given parts, e.g. {@code "{'text':'hi'}"}. */
    static ModelResponse parts(String... parts) {
        return ModelResponse.of(json("{'message':{'role':'model','content':[" + String.join(",", parts) + "]}}"));
    }

    static ModelResponse text(String text) {
        return ModelResponse.of(JSON.createObjectNode()
                .set(
                        "message",
                        JSON.createObjectNode()
                                .set(
                                        "content",
                                        JSON.createArrayNode()
                                                .add(JSON.createObjectNode().put("text", text)))));
    }

    /** Streamed chunks (each a content array, e.g. {@code "[{'text':'a'}]"}) and a final response. */
    static ModelResponse streamed(ModelResponse last, String... chunkContents) {
        List<JsonNode> chunks = Arrays.stream(chunkContents)
                .map(c -> json("{'content':" + c + "}"))
                .toList();
        return new ModelResponse(last.response(), chunks);
    }
}
