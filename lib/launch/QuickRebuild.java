package conform.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * The bootstrap's rebuild after an edit under lib/, run from the previous build's own jar: it compiles only the
 * edited sources against that jar and writes their classes to an overlay jar that goes before it on the class path.
 * That is only sound when nothing else would compile differently, so it compares each edited class's
 * {@link ClassSurface} with the previous build's and declines when one changed; the bootstrap then has JBang
 * rebuild everything, as before. A full rebuild costs seconds; an edit to a method body, the usual triage edit,
 * costs one small compile.
 *
 * <p>Arguments: the overlay jar to write, the previous build's class path (its first entry is the jar built from
 * lib/), then the edited sources. Exit codes: 0 overlay written, 1 the sources do not compile (javac's messages
 * are on stderr), 3 a full rebuild is needed (the reason is on stderr).
 */
public final class QuickRebuild {

    static final int COMPILE_ERROR = 1;
    static final int NEEDS_FULL_BUILD = 3;

    private QuickRebuild() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) throw new IllegalArgumentException("usage: QuickRebuild OVERLAY CLASSPATH SOURCE...");
        Path overlay = Path.of(args[0]);
        String classpath = args[1];
        List<String> sources = List.of(args).subList(2, args.length);
        Path classes = Files.createTempDirectory("conform-quick-rebuild");
        int code;
        try {
            code = rebuild(overlay, classpath, sources, classes);
        } finally {
            try (Stream<Path> tree = Files.walk(classes)) {
                tree.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(java.io.File::delete);
            }
        }
        System.exit(code); // only now: System.exit never returns, and a finally around it would never run
    }

    private static int rebuild(Path overlay, String classpath, List<String> sources, Path classes) throws IOException {
        if (!compile(classpath, sources, classes)) return COMPILE_ERROR;
        Map<String, ClassSurface> fresh = surfaces(classes);
        String reason = changedSurface(Path.of(classpath.split(java.io.File.pathSeparator)[0]), sources, fresh);
        if (reason != null) {
            System.err.println("jbang bootstrap: " + reason + ": rebuilding everything");
            return NEEDS_FULL_BUILD;
        }
        Path partial = overlay.resolveSibling(overlay.getFileName() + ".part");
        try (var jar = new ZipOutputStream(Files.newOutputStream(partial));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(
                        new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
        Files.move(partial, overlay, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return 0;
    }

    /** javac as JBang runs it; only errors are shown, in javac's own form (file:line, the line, a caret). */
    private static boolean compile(String classpath, List<String> sources, Path classes) throws IOException {
        var javac = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options =
                    List.of("-g", "-parameters", "-proc:none", "-classpath", classpath, "-d", classes.toString());
            boolean ok = javac.getTask(
                            null, files, diagnostics, options, null, files.getJavaFileObjectsFromStrings(sources))
                    .call();
            for (var diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) System.err.println(diagnostic);
            }
            return ok;
        }
    }

    private static Map<String, ClassSurface> surfaces(Path classes) throws IOException {
        Map<String, ClassSurface> byName = new HashMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassSurface surface = ClassSurface.read(Files.readAllBytes(file));
                byName.put(surface.name(), surface);
            }
        }
        return byName;
    }

    /**
     * Why the edit needs a full rebuild, or null: a class of an edited source that others can use is gone or has a
     * different surface. (A class that is new cannot be used by an unedited source yet.)
     */
    private static String changedSurface(Path previousJar, List<String> sources, Map<String, ClassSurface> fresh)
            throws IOException {
        // By path, for a source whose package line was edited too, and by what the new classes say they come from.
        Set<String> edited = new HashSet<>();
        for (String source : sources) edited.add(sourceKey(source));
        for (ClassSurface surface : fresh.values()) edited.add(packageDir(surface) + surface.sourceFile());
        try (var jar = new ZipFile(previousJar.toFile())) {
            for (var entry : java.util.Collections.list(jar.entries())) {
                if (!entry.getName().endsWith(".class")) continue;
                ClassSurface old;
                try (var in = jar.getInputStream(entry)) {
                    old = ClassSurface.read(in.readAllBytes());
                }
                if (!edited.contains(packageDir(old) + old.sourceFile()) || !old.reachableFromOtherFiles()) continue;
                ClassSurface now = fresh.get(old.name());
                if (now == null) return old.name().replace('/', '.') + " is gone";
                if (!now.lines().equals(old.lines())) {
                    return "the edit changes what other classes use of "
                            + old.name().replace('/', '.');
                }
            }
        }
        return null;
    }

    private static String packageDir(ClassSurface surface) {
        return surface.name().substring(0, surface.name().lastIndexOf('/') + 1);
    }

    /** lib/validate/builtin/TextIncludes.java → conform/validate/builtin/TextIncludes.java, as a class file names it. */
    private static String sourceKey(String source) {
        String path = source.replace('\\', '/');
        return "conform/" + path.substring(path.indexOf("lib/") + "lib/".length());
    }
}
