package conform.validate.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;
import conform.validate.ValidatorArgument;
import conform.validate.ValidatorDescription;
import conform.validate.ValidatorName;

@ValidatorName("has-tool-request")
@ValidatorDescription("response has a tool request; the first one is for tool ARG")
@ValidatorArgument("the name of the tool")
public final class HasToolRequest implements Validator {

    @Override
    public void validate(ModelResponse response, String arg) {
        JsonNode content = response.requireContent();
        JsonNode request = response.firstPart("toolRequest")
                .orElseThrow(() -> new ValidationFailure(
                        "Model did not return a tool request. Content: " + ModelResponse.pretty(content)))
                .get("toolRequest");
        String actual = request.path("name").asText("");
        if (arg != null && !arg.equals(actual)) {
            throw new ValidationFailure("Expected tool request '" + arg + "', got '" + actual + "'");
        }
    }
}
