package conform.runtime;

import conform.config.SetupStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The canonical {@code genkit dev:test-model}: the genkit-cli package pinned in a project of its own (conform.toml's
 * {@code genkit-cli}, by default entries/genkit-cli: a package.json and its lock file), which setup installs there with
 * {@code npm ci}. It runs with a config directory of conform's own in that project ({@code XDG_CONFIG_HOME}, where the
 * CLI's configstore lives) that opts out of its analytics and its update check: no "Press Enter" notice, which with
 * stdin closed ends the CLI at once, testing nothing, and no call to the npm registry.
 */
public record GenkitCli(Path dir) {

    /** How setup names it. */
    public static final String NAME = "genkit-cli";

    public static final List<String> TOOLCHAIN = List.of("node", "npm");
    static final List<SetupStep> SETUP = List.of(SetupStep.NPM_CI);
    private static final String OPT_OUTS =
            "{\"userSettings\":{\"analyticsOptOut\":true,\"updateNotificationsOptOut\":true}}\n";

    public Path executable() {
        return dir.resolve("node_modules/.bin/genkit");
    }

    /** Its setup steps that still need to run (all of them on a fresh clone). */
    public List<SetupTasks.Task> pendingSetup() {
        return SetupTasks.pending(NAME, dir, SETUP);
    }

    /** Whether its project is there to install from (a package.json). */
    public boolean hasProject() {
        return Files.isRegularFile(dir.resolve("package.json"));
    }

    /** Why it cannot run yet, or null when it can. */
    public String problem() {
        if (!hasProject())
            return "no genkit-cli project at " + dir + " (a package.json that pins genkit-cli, and its lock file)";
        if (!Files.isExecutable(executable())) return executable() + " is not installed";
        return null;
    }

    /** The config directory the CLI reads its settings from, with the opt-outs written into it. */
    Path configHome() throws IOException {
        Path home = dir.resolve(".conform/config");
        Path settings = home.resolve("configstore/@genkit-ai/tools-common.json");
        if (!Files.isRegularFile(settings) || !Files.readString(settings).equals(OPT_OUTS)) {
            Files.createDirectories(settings.getParent());
            Path temp = Files.createTempFile(settings.getParent(), ".settings-", ".json");
            Files.writeString(temp, OPT_OUTS);
            Files.move(temp, settings, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return home;
    }
}
