package conform.spec;

/**
 * How large a spec file may be, and how large its tree may grow once YAML aliases are expanded. Each bound is far
 * above any real spec (the shipped specs and built-in tests have at most 221 values, 11 levels and 9 KiB), and each
 * stops a broken or hostile file, such as a "billion laughs" alias bomb, with an error instead of exhausting memory.
 * The README's Specs section lists them.
 */
final class SpecLimits {

    /** The file itself, in bytes (JSON or YAML). */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    /** Mappings and lists inside each other. */
    static final int MAX_DEPTH = 100;

    /** Values (mappings, lists, scalars) after alias expansion. */
    static final int MAX_NODES = 100_000;

    /** Characters of keys and scalars after alias expansion. */
    static final long MAX_TEXT_CHARS = 64L * 1024 * 1024;

    private SpecLimits() {}

    static String mib(long bytes) {
        return bytes / (1024 * 1024) + " MiB";
    }
}
