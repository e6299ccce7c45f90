package conform.validate.builtin;

import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;
import java.util.Locale;

public final class TextIncludes implements Validator {

    @Override
    public String name() {
        return "text-includes";
    }

    @Override
    public String description() {
        return "response text contains ARG, ignoring case (any text without ARG)";
    }

    @Override
    public void validate(ModelResponse response, String arg) {
        String text = response.text();
        if (text.isEmpty())
            throw new ValidationFailure(
                    "Response has no text" + (arg == null ? "" : "; expected it to include '" + arg + "'"));
        if (arg != null && !text.toLowerCase(Locale.ROOT).contains(arg.toLowerCase(Locale.ROOT))) {
            throw new ValidationFailure("Response text does not include '" + arg + "'. Text: " + text);
        }
    }
}
