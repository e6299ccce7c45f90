package conform.support;

import conform.config.PluginsDir;
import conform.config.RuntimeConfig;
import conform.config.SetupStep;
import conform.config.Transport;
import java.nio.file.Path;
import java.util.List;

/**
 * A runtime config built in a test rather than read from conform.toml. It declares no plugins, toolchain or local
 * sources, has no plugins directory, and uses the default transport. A new RuntimeConfig field is then one edit here.
 */
public final class PlainRuntime {

    private PlainRuntime() {}

    public static RuntimeConfig of(
            String name,
            Path cwd,
            Path entriesDir,
            Path specsDir,
            String entryFile,
            List<String> entryCommand,
            List<SetupStep> setup) {
        return new RuntimeConfig(
                name,
                cwd,
                entriesDir,
                specsDir,
                entryFile,
                entryCommand,
                List.of(),
                List.of(),
                setup,
                List.of(),
                PluginsDir.NONE,
                Transport.AUTO);
    }
}
