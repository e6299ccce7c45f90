package conform.validate.builtin;

import conform.validate.JsTrim;
import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;
import conform.validate.ValidatorDescription;
import conform.validate.ValidatorName;

@ValidatorName("text-not-empty")
@ValidatorDescription("response text is not empty or whitespace")
public final class TextNotEmpty implements Validator {

    @Override
    public void validate(ModelResponse response, String arg) {
        if (JsTrim.isBlank(response.text())) throw new ValidationFailure("Response text is empty");
    }
}
