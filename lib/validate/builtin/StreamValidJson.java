package conform.validate.builtin;

import conform.validate.JsTrim;
import conform.validate.JsonChecks;
import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;
import conform.validate.ValidatorDescription;
import conform.validate.ValidatorName;

@ValidatorName("stream-valid-json")
@ValidatorDescription("the text of all streamed chunks, joined, parses as strict JSON")
public final class StreamValidJson implements Validator {

    @Override
    public void validate(ModelResponse response, String arg) {
        response.requireChunks();
        String text = response.streamedText();
        if (JsTrim.isBlank(text)) throw new ValidationFailure("Streamed response contained no text");
        if (!JsonChecks.isValidJson(text)) throw new ValidationFailure("Streamed text is not valid JSON: " + text);
    }
}
