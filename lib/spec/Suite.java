package conform.spec;

import conform.diag.SourceLocation;
import java.util.List;

/** The tests for one model: built-ins in {@code supports} order, then the spec's custom tests. */
public record Suite(String model, List<TestCase> tests, SourceLocation location) {

    public long builtinCount() {
        return tests.stream().filter(TestCase::builtin).count();
    }

    public long customCount() {
        return tests.size() - builtinCount();
    }
}
