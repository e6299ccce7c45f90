package conform.validate.builtin;

import conform.validate.JsTrim;
import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;
import conform.validate.ValidatorArgument;
import conform.validate.ValidatorDescription;
import conform.validate.ValidatorName;

@ValidatorName("text-starts-with")
@ValidatorDescription("response text starts with ARG, after leading whitespace (case-sensitive)")
@ValidatorArgument("the text it must start with")
public final class TextStartsWith implements Validator {

    @Override
    public void validate(ModelResponse response, String arg) {
        String text = response.requireText(arg == null ? null : "start with '" + arg + "'");
        if (arg != null && !JsTrim.trim(text).startsWith(arg)) {
            throw new ValidationFailure("Response text does not start with '" + arg + "'. Text: " + text);
        }
    }
}
