package conform.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import conform.config.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A JS entry: {@code <plugin>.ts} beside {@code _conformrt.ts}, bundled by setup like the shipped ones. */
final class JsEntry implements EntryScaffold {

    @Override
    public Optional<String> missing(RuntimeConfig rt) {
        Path helpers = rt.entriesDir().resolve("_conformrt.ts");
        return Files.isRegularFile(helpers)
                ? Optional.empty()
                : Optional.of(helpers + " (conform's shared helpers for JS entries, in its checkout's entries/js)");
    }

    @Override
    public String source(RuntimeConfig rt, PluginPackage pkg, PluginFactory f, String plugin) {
        String binding = f.isDefault() ? f.symbol() : "{ " + f.symbol() + " }";
        return """
            // conform entry: Genkit JS + %s (written by `conform new-entry`).
            //
            // The plugin is `%s`: %s.
            // %s
            // %s
            import { genkit } from 'genkit';
            import { registerModels } from './_conformrt';
            import %s from '%s';

            export const ai = genkit({
              name: 'conform-%s',
              plugins: [%s()],
            });

            // The models conform asks for (CONFORM_MODELS), registered up front.
            await registerModels(ai);
            """.formatted(
                        f.module(),
                        f.symbol(),
                        EntryScaffold.choice(f, "exported function"),
                        EntryScaffold.OPTIONS_NOTE.get(0),
                        EntryScaffold.OPTIONS_NOTE.get(1),
                        binding,
                        f.module(),
                        plugin,
                        f.symbol());
    }

    @Override
    public Optional<String> install(RuntimeConfig rt, PluginPackage pkg) {
        try {
            JsonNode json =
                    new ObjectMapper().readTree(rt.cwd().resolve("package.json").toFile());
            if (json.path("dependencies").has(pkg.pkg())) return Optional.empty();
        } catch (IOException noManifest) {
            // then it is certainly not installed there
        }
        String version = pkg.version() == null ? "" : "@" + pkg.version();
        return Optional.of("add " + pkg.pkg() + " to " + rt.cwd().resolve("package.json") + ": `npm install"
                + " --save-exact " + pkg.pkg() + version + "` in " + rt.cwd() + " (or test the working copy as it is:"
                + " --source js:" + pkg.pkg() + "=" + pkg.dir() + ")");
    }
}
