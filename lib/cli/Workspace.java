package conform.cli;

import conform.config.ConfigLoader;
import conform.config.ConformConfig;
import conform.console.Console;
import conform.plan.Inventory;
import conform.spec.BuiltinTests;
import conform.spec.SpecLoader;
import conform.validate.ValidatorRegistry;
import java.nio.file.Path;
import java.util.Map;

/** What a subcommand works with, loaded on first use: the config, what is on disk, validators and test cases. */
final class Workspace {

    final SharedOptions options;
    final Map<String, String> env;
    final Console console;
    private final Path cwd;
    private ConformConfig config;
    private Inventory inventory;
    private ValidatorRegistry validators;

    Workspace(SharedOptions options, Map<String, String> env, Path cwd, Console console) {
        this.options = options;
        this.env = env;
        this.cwd = cwd;
        this.console = console;
    }

    ConformConfig config() {
        if (config == null) {
            ConformConfig loaded = ConfigLoader.load(ConfigLoader.locate(options.config, env, cwd));
            config = options.specsDir == null
                    ? loaded
                    : loaded.withSpecsDir(cwd.resolve(options.specsDir).normalize());
        }
        return config;
    }

    Inventory inventory() {
        if (inventory == null) inventory = Inventory.scan(config());
        return inventory;
    }

    ValidatorRegistry validators() {
        if (validators == null) validators = ValidatorRegistry.builtins();
        return validators;
    }

    SpecLoader specLoader() {
        return new SpecLoader(BuiltinTests.load(validators()), validators());
    }
}
