package conform.spec;

import conform.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/** A plugin's spec file, loaded and checked; {@code warnings} are problems that do not stop a run. */
public record PluginSpec(String plugin, Path file, List<Suite> suites, List<Diagnostic> warnings) {

    public int testCount() {
        return suites.stream().mapToInt(s -> s.tests().size()).sum();
    }

    public long builtinCount() {
        return suites.stream().mapToLong(Suite::builtinCount).sum();
    }

    public long customCount() {
        return suites.stream().mapToLong(Suite::customCount).sum();
    }
}
