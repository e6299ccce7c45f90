package conform.validate.builtin;

import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;

public final class StreamTextIncludes implements Validator {

    @Override
    public String name() {
        return "stream-text-includes";
    }

    @Override
    public String description() {
        return "streamed chunks were received and their text contains ARG (case-sensitive)";
    }

    @Override
    public void validate(ModelResponse response, String arg) {
        response.requireChunks();
        if (arg != null && !response.streamedText().contains(arg)) {
            throw new ValidationFailure(
                    "Streaming response did not include '" + arg + "'. Streamed text: " + response.streamedText());
        }
    }
}
