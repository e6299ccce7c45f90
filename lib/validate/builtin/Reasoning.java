package conform.validate.builtin;

import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;
import conform.validate.ValidatorDescription;
import conform.validate.ValidatorName;

@ValidatorName("reasoning")
@ValidatorDescription("response has a non-empty reasoning (thinking) part")
public final class Reasoning implements Validator {

    @Override
    public void validate(ModelResponse response, String arg) {
        if (response.content().isEmpty()) throw new ValidationFailure("Response is missing message content");
        if (response.firstPart("reasoning").isEmpty()) throw new ValidationFailure("reasoning content not found");
    }
}
