package conform.runtime;

import conform.config.LocalSource;
import conform.config.SetupStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Go: a copy of the runtime's go.mod and go.sum in the overlay, with a {@code replace} for each local module (go mod
 * edit), and every entry built with it ({@code go build -modfile}) into the overlay's bin/. The committed go.mod and
 * go.sum are never written: {@code -mod=mod} lets go add what a newer local module requires to the overlay's copy
 * only. Go's build cache makes a rebuild after an edit recompile just the packages that changed and what imports them.
 */
final class GoOverlay implements SourceOverlay {

    private static final String PUBLISHED_BIN = "bin/";

    @Override
    public Optional<Problem> check(String pkg, Path dir) {
        Path goMod = dir.resolve("go.mod");
        if (!Files.isRegularFile(goMod)) {
            return Optional.of(new Problem(
                    dir + " has no go.mod", "point the source at the module's own folder, where its go.mod is"));
        }
        String module;
        try {
            module = Files.readAllLines(goMod).stream()
                    .map(String::strip)
                    .filter(line -> line.startsWith("module "))
                    .map(line -> line.substring("module ".length()).strip().replace("\"", ""))
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            return Optional.of(new Problem("cannot read " + goMod + ": " + e.getMessage(), "check the file"));
        }
        if (!module.equals(pkg)) {
            return Optional.of(new Problem(
                    goMod + " is the module `" + module + "`, not `" + pkg + "`",
                    "point the source at the folder of " + pkg));
        }
        return Optional.empty();
    }

    @Override
    public List<SetupStep> setup(List<SetupStep> published, List<LocalSource> sources, String overlay) {
        String goMod = overlay + "/go.mod";
        List<SetupStep> steps = new ArrayList<>();
        steps.add(new SetupStep(List.of("cp", "go.mod", "go.sum", overlay + "/"), List.of("go.mod", "go.sum"), goMod));
        List<String> edit = new ArrayList<>(List.of("go", "mod", "edit"));
        sources.forEach(s -> edit.add("-replace=" + s.pkg() + "=" + s.dir()));
        edit.add(goMod);
        steps.add(new SetupStep(List.copyOf(edit), List.of(), null));
        for (SetupStep step : published) {
            if (!step.perPlugin()) {
                steps.add(step);
                continue;
            }
            List<String> run = new ArrayList<>();
            for (String arg : step.run()) {
                run.add(relocate(arg, overlay));
                if (arg.equals("build") && run.size() == 2) run.addAll(List.of("-mod=mod", "-modfile=" + goMod));
            }
            steps.add(rebuilt(step, run, sources, overlay, Map.of(), null));
        }
        return List.copyOf(steps);
    }

    @Override
    public String relocate(String arg, String overlay) {
        return arg.startsWith(PUBLISHED_BIN) ? overlay + "/" + arg : arg;
    }
}
