///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Formats conform's Java sources with palantir-java-format (4 spaces, 120 columns, sorted imports)
//JAVA 21+
//DEPS com.palantir.javaformat:palantir-java-format:2.103.0
//JAVA_OPTIONS --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
//JAVA_OPTIONS --add-exports=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED
//JAVA_OPTIONS --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
//JAVA_OPTIONS --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
//JAVA_OPTIONS --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
//JAVA_OPTIONS --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED

import com.palantir.javaformat.java.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Formats every Java source of the checkout in place: {@code ./jbang .ci/Format.java}. With {@code --check} it
 * changes nothing, lists the files that are not formatted and exits 1 when there are any. JBang scripts
 * (conform.java, tests/RunTests.java, this file) are left alone: the formatter would put a space into their
 * {@code //DEPS} lines, which JBang then no longer reads.
 */
public class Format {

    public static void main(String[] args) throws IOException {
        boolean check = List.of(args).contains("--check");
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("conform.java"))) root = root.getParent();
        if (root == null) {
            System.err.println("Format: run it inside a conform checkout");
            System.exit(2);
        }
        List<String> command = new ArrayList<>(List.of("--palantir"));
        command.addAll(check ? List.of("--dry-run", "--set-exit-if-changed") : List.of("--replace"));
        for (String dir : List.of("lib", "tests", "bench")) {
            Path start = root.resolve(dir);
            if (!Files.isDirectory(start)) continue;
            try (Stream<Path> files = Files.walk(start)) {
                files.filter(p -> p.toString().endsWith(".java") && !jbangScript(p)).sorted().forEach(p -> command.add(p.toString()));
            }
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            System.exit(new Main(out, err, System.in).format(command.toArray(String[]::new)));
        } catch (Exception usage) { // the formatter's UsageException is not public
            err.println(usage.getMessage());
            System.exit(2);
        }
    }

    private static boolean jbangScript(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().orElse("").startsWith("///usr/bin/env jbang");
        } catch (IOException e) {
            return false;
        }
    }
}
