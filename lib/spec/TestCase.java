package conform.spec;

import com.fasterxml.jackson.databind.JsonNode;
import conform.diag.SourceLocation;
import java.util.List;

/**
 * One conformance test: a GenerateRequest for the model action, whether to stream it, and the validators
 * its response must pass.
 *
 * @param capability the built-in capability tag this test comes from, or null for a spec's custom test
 * @param location   where the test is written (the built-in file for built-ins)
 */
public record TestCase(
        String name,
        String capability,
        boolean stream,
        JsonNode input,
        List<ValidatorRef> validators,
        SourceLocation location) {

    public boolean builtin() {
        return capability != null;
    }

    /** The same test as declared by a spec for a built-in capability. */
    TestCase asCapability(String tag) {
        return new TestCase(name, tag, stream, input, validators, location);
    }
}
