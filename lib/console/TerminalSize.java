package conform.console;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fusesource.jansi.internal.CLibrary;

/**
 * The size of the terminal on stderr in character cells, kept current on SIGWINCH where the JVM lets us handle it.
 * The live table must know the width exactly: a line that wraps takes two rows, and the cursor-up redraw then
 * leaves torn copies of the table behind.
 */
final class TerminalSize implements AutoCloseable {

    static final int FALLBACK_COLUMNS = 100;
    static final int FALLBACK_ROWS = 24;

    private final boolean live;
    private volatile int columns;
    private volatile int rows;
    private volatile boolean cheap;
    /** Our handling of SIGWINCH, while we have it. */
    private SignalHandling winch;

    private TerminalSize(boolean live, int columns, int rows) {
        this.live = live;
        this.columns = columns;
        this.rows = rows;
    }

    /** A size that never changes by itself (tests; {@link #set} changes it). */
    static TerminalSize fixed(int columns, int rows) {
        return new TerminalSize(false, columns, rows);
    }

    /** The terminal's current size, re-read by {@link #refresh}. */
    static TerminalSize probe() {
        TerminalSize size = new TerminalSize(true, FALLBACK_COLUMNS, FALLBACK_ROWS);
        size.refresh();
        return size;
    }

    /**
     * Re-reads the size when that costs one ioctl (jansi's native library), not a process. Before every redraw: the
     * terminal re-wraps its lines the moment it is resized, and a redraw at the old width in the short while before
     * SIGWINCH arrives would miscount them.
     */
    void refreshIfCheap() {
        if (cheap) refresh();
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    void set(int columns, int rows) {
        this.columns = Math.max(1, columns);
        this.rows = Math.max(1, rows);
    }

    /** Re-reads the size; true when it changed. */
    boolean refresh() {
        if (!live) return false;
        int[] size = ioctl();
        cheap = size != null;
        if (size == null) size = stty();
        if (size == null) size = environment(System.getenv());
        boolean changed = size[0] != columns || size[1] != rows;
        set(size[0], size[1]);
        return changed;
    }

    private static int[] ioctl() {
        try {
            if (!CLibrary.LOADED) return null;
            CLibrary.WinSize ws = new CLibrary.WinSize();
            if (CLibrary.ioctl(CLibrary.STDERR_FILENO, CLibrary.TIOCGWINSZ, ws) != 0 || ws.ws_col <= 0) return null;
            return new int[] {ws.ws_col, Math.max(1, (int) ws.ws_row)};
        } catch (LinkageError | RuntimeException noNativeLibrary) {
            return null;
        }
    }

    /** {@code stty size} prints "rows columns" for the controlling terminal; a process, so not on every redraw. */
    private static int[] stty() {
        try {
            Process p = new ProcessBuilder("stty", "size")
                    .redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            String[] parts = out.split("\\s+");
            int r = Integer.parseInt(parts[0]), c = Integer.parseInt(parts[1]);
            return c > 0 && r > 0 ? new int[] {c, r} : null;
        } catch (Exception noTerminal) {
            return null;
        }
    }

    static int[] environment(Map<String, String> env) {
        return new int[] {positive(env.get("COLUMNS"), FALLBACK_COLUMNS), positive(env.get("LINES"), FALLBACK_ROWS)};
    }

    private static int positive(String value, int fallback) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.trim());
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Calls {@code onChange} after each resize; false when this JVM cannot handle SIGWINCH (callers then poll). */
    synchronized boolean watch(Runnable onChange) {
        if (!live || winch != null) return winch != null;
        winch = SignalHandling.install("WINCH", () -> {
                    if (refresh()) onChange.run();
                })
                .orElse(null);
        return winch != null;
    }

    /** Gives SIGWINCH back to whoever handled it before. */
    @Override
    public synchronized void close() {
        if (winch == null) return;
        winch.close();
        winch = null;
    }
}
