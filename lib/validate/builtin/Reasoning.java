package conform.validate.builtin;

import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;

public final class Reasoning implements Validator {

    @Override
    public String name() {
        return "reasoning";
    }

    @Override
    public String description() {
        return "response has a non-empty reasoning (thinking) part";
    }

    @Override
    public void validate(ModelResponse response, String arg) {
        if (response.content().isEmpty()) throw new ValidationFailure("Response is missing message content");
        if (response.firstPart("reasoning").isEmpty()) throw new ValidationFailure("reasoning content not found");
    }
}
