package conform.validate.builtin;

import conform.validate.JsonChecks;
import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;
import conform.validate.ValidatorDescription;
import conform.validate.ValidatorName;

@ValidatorName("valid-json")
@ValidatorDescription("response text parses as strict JSON")
public final class ValidJson implements Validator {

    @Override
    public void validate(ModelResponse response, String arg) {
        var content = response.requireContent();
        String text = response.text();
        if (text.isEmpty())
            throw new ValidationFailure(
                    "Model did not return text content for JSON. Content: " + ModelResponse.pretty(content));
        if (!JsonChecks.isValidJson(text))
            throw new ValidationFailure("Response text is not valid JSON. Text: " + text);
    }
}
