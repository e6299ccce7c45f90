package conform.packages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A package's own source files as check-plugin reads them: no dependencies, tests, build caches or hidden folders, and
 * bounded, so that a plugins directory with a huge or odd folder in it is still read in a moment.
 */
final class SourceFiles {

    private static final Set<String> SKIPPED_FOLDERS =
            Set.of("node_modules", "__pycache__", "test", "tests", "__tests__", "testdata", "vendor", "site-packages");
    private static final Pattern TEST_FILE =
            Pattern.compile(".*(\\.test\\.|\\.spec\\.|_test\\.(go|py)$|^test_.*\\.py$).*");
    private static final int MAX_DEPTH = 12;
    private static final int MAX_FILES = 4000;
    private static final long MAX_BYTES = 1 << 20;

    private SourceFiles() {}

    /** The files below {@code root} whose names end with one of {@code suffixes}, in a stable order. */
    static List<Path> under(Path root, List<String> suffixes) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName().toString();
                    boolean skipped = !dir.equals(root)
                            && (name.startsWith(".") || name.endsWith(".egg-info") || SKIPPED_FOLDERS.contains(name));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile()
                            && attrs.size() <= MAX_BYTES
                            && suffixes.stream().anyMatch(name::endsWith)
                            && !TEST_FILE.matcher(name).matches()) found.add(file);
                    return found.size() < MAX_FILES ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    return FileVisitResult.CONTINUE; // a folder that cannot be read holds nothing conform can read
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the visitor continues past every failure: not reached
        }
        found.sort(null);
        return found;
    }

    /** The first place in {@code files} that {@code pattern} matches. */
    static Optional<Evidence> firstMatch(List<Path> files, Pattern pattern) {
        for (Path file : files) {
            String text = read(file);
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                int line = 1
                        + (int) text.substring(0, m.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count();
                String written = m.group().replaceAll("\\s+", " ").strip();
                return Optional.of(
                        new Evidence(file, line, written.length() > 120 ? written.substring(0, 117) + "…" : written));
            }
        }
        return Optional.empty();
    }

    /** A file's text; one that cannot be read (gone, unreadable) reads as empty: it defines nothing. */
    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
