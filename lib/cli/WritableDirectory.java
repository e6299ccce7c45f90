package conform.cli;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A directory conform writes into (--report-dir): checked without creating anything (--dry-run), or created. A place
 * it cannot use is a usage error that gives the reason, the operating system's where there is one.
 */
final class WritableDirectory {

    private WritableDirectory() {}

    /** What creating {@code dir} and writing in it would run into, found without creating anything. */
    static void check(Path dir, String flag) {
        Path target = dir.toAbsolutePath().normalize();
        Path existing = target;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        String why = null;
        if (existing == null) why = target + ": no part of this path exists";
        else if (!Files.isDirectory(existing))
            why = existing + (existing.equals(target) ? " exists and is not a directory" : ": Not a directory");
        else if (!Files.isWritable(existing)) why = existing + ": Permission denied";
        if (why != null) throw unusable(target, flag, why);
    }

    /** {@code dir} and its parents, created as needed. */
    static Path create(Path dir, String flag) {
        try {
            return Files.createDirectories(dir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw unusable(dir.toAbsolutePath().normalize(), flag, reason(e));
        }
    }

    /** The operating system's reason, with the path it concerns; Java leaves it out of some exceptions' messages. */
    static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException x) return x.getFile() + " exists and is not a directory";
        if (e instanceof FileSystemException x && x.getReason() != null) return x.getFile() + ": " + x.getReason();
        if (e instanceof AccessDeniedException x) return x.getFile() + ": Permission denied";
        if (e instanceof NoSuchFileException x) return x.getFile() + ": No such file or directory";
        return e.getMessage();
    }

    private static ConformException unusable(Path dir, String flag, String why) {
        return new ConformException(Diagnostic.error("E0012", "cannot use " + flag + " " + dir + ": " + why)
                .hint("pass " + flag + " a directory conform can create and write"));
    }
}
