package conform.validate.builtin;

import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;

public final class TextNotEmpty implements Validator {

    @Override
    public String name() {
        return "text-not-empty";
    }

    @Override
    public String description() {
        return "response text is not empty or whitespace";
    }

    @Override
    public void validate(ModelResponse response, String arg) {
        if (response.text().isBlank()) throw new ValidationFailure("Response text is empty");
    }
}
