package conform.cli;

import conform.config.RuntimeConfig;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.Suggest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** {@code --plugins-dir [RUNTIME:]DIR}, for the commands that read plugins directories (check-plugin, new-entry). */
final class PluginsDirOption {

    private static final Pattern PER_RUNTIME = Pattern.compile("([a-z][a-z0-9_-]*):(.+)");

    @Option(
            names = "--plugins-dir",
            paramLabel = "[RUNTIME:]DIR",
            description = {
                "Look for plugin packages in DIR instead of the runtimes' plugins-dir: for every selected runtime, or"
                        + " with RUNTIME: for that one (repeatable; e.g. --plugins-dir js:../genkit/js/plugins)"
            })
    List<String> given = new ArrayList<>();

    /**
     * The plugins directory of each of {@code selected} that has one: given here, else its plugins-dir; in the order of
     * {@code selected}.
     */
    Map<RuntimeConfig, Path> pluginsDirs(Workspace ws, List<RuntimeConfig> selected) {
        Map<String, Path> byRuntime = new LinkedHashMap<>();
        List<String> names = selected.stream().map(RuntimeConfig::name).toList();
        for (String arg : given) {
            Matcher m = PER_RUNTIME.matcher(arg);
            if (!m.matches()) {
                Path dir =
                        ws.directoryFlag("--plugins-dir", arg, "the folder that holds the runtime's plugin packages");
                names.forEach(name -> byRuntime.put(name, dir));
                continue;
            }
            String runtime = m.group(1);
            if (!names.contains(runtime)) {
                boolean configured = ws.config().runtimes().containsKey(runtime);
                throw new ConformException(Diagnostic.error(
                                "E0018",
                                "`--plugins-dir " + arg + "` names the runtime `" + runtime + "`, which is not "
                                        + (configured ? "selected" : "configured")
                                        + Suggest.didYouMean(
                                                runtime, ws.config().runtimes().keySet()))
                        .hint(
                                configured
                                        ? "add it to --runtime, or drop the --plugins-dir"
                                        : "use one of "
                                                + String.join(
                                                        ", ",
                                                        ws.config().runtimes().keySet())));
            }
            byRuntime.put(
                    runtime,
                    ws.directoryFlag(
                            "--plugins-dir", m.group(2), "the folder that holds the runtime's plugin packages"));
        }
        Map<RuntimeConfig, Path> dirs = new LinkedHashMap<>();
        for (RuntimeConfig rt : selected) {
            Path dir = byRuntime.getOrDefault(rt.name(), rt.pluginsDir().dir());
            if (dir != null) dirs.put(rt, dir);
        }
        return dirs;
    }
}
