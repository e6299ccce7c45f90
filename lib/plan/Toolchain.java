package conform.plan;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Which of a runtime's programs (node, python3, go, …) cannot be found on PATH. */
public final class Toolchain {

    private Toolchain() {}

    public static List<String> missing(List<String> programs, Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        return programs.stream().filter(p -> !onPath(p, path)).toList();
    }

    static boolean onPath(String program, String path) {
        if (program.contains("/")) return Files.isExecutable(Path.of(program));
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
