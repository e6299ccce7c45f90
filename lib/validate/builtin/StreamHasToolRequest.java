package conform.validate.builtin;

import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;

public final class StreamHasToolRequest implements Validator {

    @Override
    public String name() {
        return "stream-has-tool-request";
    }

    @Override
    public String description() {
        return "a streamed chunk has a tool request; with ARG the final response's first one is for tool ARG";
    }

    @Override
    public void validate(ModelResponse response, String arg) {
        response.requireChunks();
        if (!response.anyChunkHas("toolRequest"))
            throw new ValidationFailure("No tool request found in the streamed chunks");
        if (arg != null && !arg.isEmpty()) new HasToolRequest().validate(response, arg);
    }
}
