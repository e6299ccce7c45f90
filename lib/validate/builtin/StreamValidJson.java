package conform.validate.builtin;

import conform.validate.JsonChecks;
import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;

public final class StreamValidJson implements Validator {

    @Override
    public String name() {
        return "stream-valid-json";
    }

    @Override
    public String description() {
        return "the text of all streamed chunks, joined, parses as strict JSON";
    }

    @Override
    public void validate(ModelResponse response, String arg) {
        response.requireChunks();
        String text = response.streamedText();
        if (text.isBlank()) throw new ValidationFailure("Streamed response contained no text");
        if (!JsonChecks.isValidJson(text)) throw new ValidationFailure("Streamed text is not valid JSON: " + text);
    }
}
