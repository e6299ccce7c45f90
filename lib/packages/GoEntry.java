package conform.packages;

import conform.config.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Go entry: {@code <plugin>/main.go} in the entries' module, using its {@code internal/conformrt} like the shipped
 * ones; setup builds it.
 */
final class GoEntry implements EntryScaffold {

    private static final String GENKIT = "github.com/firebase/genkit/go/genkit";

    @Override
    public Optional<String> missing(RuntimeConfig rt) {
        Path helpers = helpers(rt);
        return Files.isDirectory(helpers)
                        && GoPackages.moduleOf(rt.entriesDir()).isPresent()
                ? Optional.empty()
                : Optional.of(helpers + " in a Go module (conform's shared helpers for Go entries, in its checkout's"
                        + " entries/go)");
    }

    private static Path helpers(RuntimeConfig rt) {
        return rt.entriesDir().resolve("internal/conformrt");
    }

    @Override
    public String source(RuntimeConfig rt, PluginPackage pkg, PluginFactory f, String plugin) {
        String lastElement = f.module().substring(f.module().lastIndexOf('/') + 1);
        String alias = lastElement.equals(f.qualifier()) ? "" : f.qualifier() + " ";
        String init = f.dynamic() ? """
            // WithModels has the plugin register the models conform asks for (CONFORM_MODELS) during Init.
            \tgenkit.Init(ctx, genkit.WithPlugins(conformrt.WithModels{DynamicPlugin: plugin}))\
            """ : """
                // The plugin resolves no model on demand: define the spec's models here after Init (with the
                \t// plugin's DefineModel, say), or conform finds none of them.
                \tgenkit.Init(ctx, genkit.WithPlugins(plugin))\
                """;
        return """
            // conform entry: Genkit Go + %s (written by `conform new-entry`).
            //
            // The plugin is %s.%s: %s.
            // %s
            // %s
            package main

            import (
            \t"%s"

            \t"%s"
            \t%s"%s"
            )

            func main() {
            \tctx, stop := conformrt.Context()
            \tdefer stop()

            \tplugin := &%s.%s{}
            \t%s

            \tconformrt.Wait(ctx)
            }
            """.formatted(
                        f.module(),
                        f.qualifier(),
                        f.symbol(),
                        EntryScaffold.choice(f, "plugin type"),
                        EntryScaffold.OPTIONS_NOTE.get(0),
                        EntryScaffold.OPTIONS_NOTE.get(1),
                        helpersImport(rt),
                        GENKIT,
                        alias,
                        f.module(),
                        f.qualifier(),
                        f.symbol(),
                        init);
    }

    private static String helpersImport(RuntimeConfig rt) {
        GoPackages.Module module = GoPackages.moduleOf(rt.entriesDir()).orElseThrow();
        return module.path() + "/"
                + module.dir().relativize(helpers(rt)).toString().replace('\\', '/');
    }

    @Override
    public Optional<String> install(RuntimeConfig rt, PluginPackage pkg) {
        Optional<GoPackages.Module> module = GoPackages.moduleOf(pkg.dir());
        String required = module.map(GoPackages.Module::path).orElse(pkg.pkg());
        Path goMod = rt.cwd().resolve("go.mod");
        if (Pattern.compile("(?m)^\\s*(?:require\\s+)?" + Pattern.quote(required) + "\\s+v")
                .matcher(SourceFiles.read(goMod))
                .find()) return Optional.empty();
        return Optional.of("require " + required + " in " + goMod + ": `go get " + required + "@latest` in "
                + rt.cwd()
                + module.map(m -> " (or test the working copy as it is: --source go:" + m.path() + "=" + m.dir() + ")")
                        .orElse(""));
    }
}
