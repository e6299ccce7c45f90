package conform.validate.builtin;

import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;
import conform.validate.ValidatorArgument;
import conform.validate.ValidatorDescription;
import conform.validate.ValidatorName;

@ValidatorName("stream-text-includes")
@ValidatorDescription("streamed chunks were received and their text contains ARG (case-sensitive)")
@ValidatorArgument("the text to find")
public final class StreamTextIncludes implements Validator {

    @Override
    public void validate(ModelResponse response, String arg) {
        response.requireChunks();
        if (arg != null && !response.streamedText().contains(arg)) {
            throw new ValidationFailure(
                    "Streaming response did not include '" + arg + "'. Streamed text: " + response.streamedText());
        }
    }
}
