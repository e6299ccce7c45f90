package conform.runtime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The last lines of a runtime's log, read from the end so a huge log costs nothing. */
public final class LogTail {

    private static final int MAX_BYTES = 16 * 1024;
    private static final Pattern ERROR = Pattern.compile("(?i)\\berr(or|!)");

    private LogTail() {}

    /** What the log gained after {@code offset} bytes (at most the last 16 KiB of it). */
    public static String since(Path log, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(offset, file.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) Math.max(0, file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The first line that says "error" and up to {@code lines - 1} after it: tools like npm print their reason first
     * and pages of usage after it, which a tail alone would show instead.
     */
    public static List<String> firstError(Path log, int lines) {
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            return all.dropWhile(line -> !ERROR.matcher(line).find())
                    .limit(lines)
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    public static List<String> last(Path log, int lines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            if (size < length && !all.isEmpty()) all = all.subList(1, all.size()); // the first line is cut
            int end = all.size();
            while (end > 0 && all.get(end - 1).isBlank()) end--; // an empty log has no lines, not one blank one
            all = all.subList(0, end);
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of();
        }
    }
}
