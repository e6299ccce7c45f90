package conform.validate.builtin;

import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;
import conform.validate.ValidatorArgument;
import conform.validate.ValidatorDescription;
import conform.validate.ValidatorName;

@ValidatorName("stream-has-tool-request")
@ValidatorDescription("a streamed chunk has a tool request; with ARG the final response's first one is for tool ARG")
@ValidatorArgument("the name of the tool")
public final class StreamHasToolRequest implements Validator {

    @Override
    public void validate(ModelResponse response, String arg) {
        response.requireChunks();
        if (!response.anyChunkHas("toolRequest"))
            throw new ValidationFailure("No tool request found in the streamed chunks");
        if (arg != null) new HasToolRequest().validate(response, arg);
    }
}
