package conform.validate.builtin;

import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;

public final class TextStartsWith implements Validator {

    @Override
    public String name() {
        return "text-starts-with";
    }

    @Override
    public String description() {
        return "response text starts with ARG, after leading whitespace (case-sensitive)";
    }

    @Override
    public void validate(ModelResponse response, String arg) {
        String text = response.text();
        if (text.isEmpty())
            throw new ValidationFailure(
                    "Response has no text" + (arg == null ? "" : "; expected it to start with '" + arg + "'"));
        if (arg != null && !text.strip().startsWith(arg)) {
            throw new ValidationFailure("Response text does not start with '" + arg + "'. Text: " + text);
        }
    }
}
