package conform.validate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Strict JSON parsing for validators, as JavaScript's JSON.parse: no NaN, no comments, nothing after the value. */
public final class JsonChecks {

    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonChecks() {}

    public static boolean isValidJson(String text) {
        if (text == null || text.isBlank()) return false;
        try {
            STRICT.readTree(text);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
