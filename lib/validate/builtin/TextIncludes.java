package conform.validate.builtin;

import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;
import conform.validate.ValidatorArgument;
import conform.validate.ValidatorDescription;
import conform.validate.ValidatorName;
import java.util.Locale;

@ValidatorName("text-includes")
@ValidatorDescription("response text contains ARG, ignoring case (any text without ARG)")
@ValidatorArgument("the text to find")
public final class TextIncludes implements Validator {

    @Override
    public void validate(ModelResponse response, String arg) {
        String text = response.requireText(arg == null ? null : "include '" + arg + "'");
        if (arg != null && !text.toLowerCase(Locale.ROOT).contains(arg.toLowerCase(Locale.ROOT))) {
            throw new ValidationFailure("Response text does not include '" + arg + "'. Text: " + text);
        }
    }
}
