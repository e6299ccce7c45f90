package conform.diag;

import java.nio.file.Path;

/** A place in a user's file, 1-based, as editors and compilers print it. Line or column 0 means unknown. */
public record SourceLocation(Path file, int line, int column) {

    public static SourceLocation of(Path file) {
        return new SourceLocation(file, 0, 0);
    }

    /** The file relative to the working directory when it lies below it: shorter, and still clickable. */
    public String displayPath() {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) && !absolute.equals(cwd)
                ? cwd.relativize(absolute).toString()
                : absolute.toString();
    }

    @Override
    public String toString() {
        if (line <= 0) return displayPath();
        return column <= 0 ? displayPath() + ":" + line : displayPath() + ":" + line + ":" + column;
    }
}
