package conform.console;

import conform.config.TestId;
import conform.plan.Plan;
import conform.runner.RunListener;
import conform.runner.RunResult;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.fusesource.jansi.Ansi;
import org.fusesource.jansi.internal.CLibrary;

/**
 * Live progress for terminals: a table with one row per plugin run (status, a coloured bar with passed/total,
 * elapsed time, details) kept below the log lines, which scroll above it. Each redraw moves the cursor back to
 * the table's first line and erases downwards, so no table line may wrap: every line is cut to the width.
 * Events come from many threads; all output happens under one lock. A daemon ticker redraws every 250 ms so the
 * running times advance between events.
 */
public final class LiveTable implements RunListener, AutoCloseable {

    private static final long TICK_MS = 250;

    private static final String ERASE_LINE =
            Ansi.ansi().eraseLine(Ansi.Erase.FORWARD).toString();

    /** A planned run: the table knows every row and its test count before anything starts. */
    record Planned(String plugin, String runtime, int tests) {}

    private final Object lock = new Object();
    private final Console console;
    private final Style style;
    private final TerminalSize size;
    private final LongSupplier clock;
    /** The log lines' wording is ProgressLines' own: it writes into this buffer, and each redraw prints them above the table. */
    private final StringWriter logBuffer = new StringWriter();

    private final ProgressLines logLines;
    private final Map<String, LiveRow> rows = new LinkedHashMap<>();
    private int[] drawnWidths = new int[0];
    private int drawnAtColumns;
    private Thread ticker;
    private boolean closed;

    LiveTable(Console console, List<Planned> planned, boolean verbose, TerminalSize size, LongSupplier nanoClock) {
        this.console = console;
        this.style = console.style();
        this.size = size;
        this.clock = nanoClock;
        this.logLines = new ProgressLines(
                new Console(new PrintWriter(logBuffer), new PrintWriter(logBuffer), style, console.redactor()),
                verbose);
        for (Planned p : planned)
            rows.put(p.plugin() + "\0" + p.runtime(), new LiveRow(p.plugin(), p.runtime(), p.tests()));
    }

    /**
     * The live table (started) on a colour terminal, else the plain append-only {@link ProgressLines}, which logs and
     * CI need. Close a LiveTable after the run: {@code if (listener instanceof LiveTable live) live.close();}
     */
    public static RunListener forConsole(Console console, Plan plan, boolean verbose, boolean terminal) {
        if (!terminal || !console.style().enabled()) return new ProgressLines(console, verbose);
        List<Planned> planned = plan.runs().stream()
                .map(r -> new Planned(r.plugin(), r.runtimeName(), r.testCount()))
                .toList();
        LiveTable table = new LiveTable(console, planned, verbose, TerminalSize.probe(), System::nanoTime);
        table.start();
        return table;
    }

    /** Whether stderr, where progress goes, is a terminal. */
    public static boolean stderrIsTerminal() {
        try {
            return CLibrary.LOADED && CLibrary.isatty(CLibrary.STDERR_FILENO) != 0;
        } catch (LinkageError | RuntimeException noNativeLibrary) {
            return System.console() != null;
        }
    }

    /** First draw, the resize handler, and the ticker thread. */
    void start() {
        boolean signalled = size.watch(() -> {
            synchronized (lock) {
                if (!closed) redraw(List.of());
            }
        });
        synchronized (lock) {
            redraw(List.of());
        }
        ticker = Thread.ofPlatform().daemon().name("conform-live-table").start(() -> {
            for (int tick = 0; ; tick++) {
                try {
                    Thread.sleep(TICK_MS);
                } catch (InterruptedException stop) {
                    return;
                }
                // Without SIGWINCH, poll the size (an ioctl) once a second instead.
                boolean resized = !signalled && tick % 4 == 0 && size.refresh();
                synchronized (lock) {
                    if (closed) return;
                    if (resized
                            || rows.values().stream()
                                    .anyMatch(r -> r.state == RowState.STARTING || r.state == RowState.RUNNING))
                        redraw(List.of());
                }
            }
        });
    }

    @Override
    public void runStarting(String plugin, String runtime, int tests) {
        event(
                plugin,
                runtime,
                r -> {
                    r.state = RowState.STARTING;
                    r.startNanos = clock.getAsLong();
                },
                () -> logLines.runStarting(plugin, runtime, tests));
    }

    @Override
    public void runRunning(String plugin, String runtime, long startupMs) {
        event(plugin, runtime, r -> r.state = RowState.RUNNING, () -> logLines.runRunning(plugin, runtime, startupMs));
    }

    @Override
    public void note(String plugin, String runtime, String message) {
        event(plugin, runtime, r -> {}, () -> logLines.note(plugin, runtime, message));
    }

    @Override
    public void retrying(TestId test, int retry, int maxRetries, String error, Duration wait) {
        event(
                test.plugin(),
                test.runtime(),
                r -> r.retries++,
                () -> logLines.retrying(test, retry, maxRetries, error, wait));
    }

    @Override
    public void testFinished(TestResult t) {
        event(
                t.plugin(),
                t.runtime(),
                r -> {
                    switch (t.status()) {
                        case PASSED -> r.passed++;
                        case XFAIL -> r.known++;
                        case SKIPPED -> {}
                        default -> r.failed++;
                    }
                },
                () -> logLines.testFinished(t));
    }

    @Override
    public void runFinished(RunResult result) {
        event(
                result.plugin(),
                result.runtime(),
                r -> {
                    r.state = RowState.valueOf(result.status().name()); // every run status is a state of its row
                    r.elapsedMs = result.elapsedMs();
                    r.passed = (int) result.count(TestStatus.PASSED);
                    r.known = (int) result.count(TestStatus.XFAIL);
                    r.failed = (int) result.tests().stream()
                            .filter(t -> !t.status().acceptable())
                            .count();
                    if (r.state == RowState.ERROR || r.state == RowState.SKIPPED)
                        r.reason = ProgressLines.firstLine(result.reason());
                },
                () -> logLines.runFinished(result));
    }

    @Override
    public void log(String line) {
        synchronized (lock) {
            if (closed) console.err(line);
            else redraw(List.of(line));
        }
    }

    private void event(String plugin, String runtime, Consumer<LiveRow> change, Runnable log) {
        synchronized (lock) {
            change.accept(rows.computeIfAbsent(plugin + "\0" + runtime, k -> new LiveRow(plugin, runtime, 0)));
            log.run();
            List<String> lines = logBuffer.toString().lines().toList();
            logBuffer.getBuffer().setLength(0);
            if (closed) lines.forEach(console::err);
            else redraw(lines);
        }
    }

    /** Stops the ticker and the resize handler and draws the table a last time; it stays on screen. */
    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            if (closed) return;
            t = ticker;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        size.close();
        synchronized (lock) {
            redraw(List.of());
            closed = true;
        }
    }

    /**
     * Moves up over the last table (as the terminal now shows it) and overwrites it with the log lines and the new
     * table, erasing the rest of each line as it goes and what is left below at the end. Not one erase-down from the
     * table's first line: at the top of the screen that clears the whole screen, which tmux (scroll-on-clear) copies
     * into the scrollback, a torn table per redraw.
     */
    private void redraw(List<String> logs) {
        size.refreshIfCheap();
        int columns = size.columns();
        List<String> table = render(columns, size.rows(), clock.getAsLong());
        StringBuilder out = new StringBuilder();
        int up = screenRows(drawnWidths, drawnAtColumns, columns);
        if (up > 0) out.append('\r').append(Ansi.ansi().cursorUp(up));
        for (String line : logs) {
            int width = Style.visibleLength(line);
            // A line that fills its last row exactly leaves the cursor in the last column, where erasing would eat its
            // last character.
            out.append(line)
                    .append(width > 0 && width % columns == 0 ? "" : ERASE_LINE)
                    .append('\n');
        }
        for (int i = 0; i < table.size(); i++)
            out.append(i > 0 ? "\n" : "").append(table.get(i)).append(ERASE_LINE);
        out.append(Ansi.ansi().eraseScreen(Ansi.Erase.FORWARD));
        console.err(out.toString());
        drawnWidths = table.stream().mapToInt(Style::visibleLength).toArray();
        drawnAtColumns = columns;
    }

    /**
     * The rows the last table takes now. A terminal that got narrower re-wraps (tmux, VTE, iTerm) the lines wider
     * than it, so one old line may now take several rows; lines drawn at the current width or wider never wrap.
     */
    static int screenRows(int[] widths, int drawnAtColumns, int columns) {
        int n = 0;
        for (int w : widths) n += columns < drawnAtColumns && w > columns ? (w + columns - 1) / columns : 1;
        return n;
    }

    /** The table's lines for a terminal of this size, each cut to {@code columns - 1} cells (the last one can trigger a wrap). */
    List<String> render(int columns, int height, long now) {
        List<LiveRow> all;
        synchronized (lock) {
            all = List.copyOf(rows.values());
        }
        return LiveTableFrame.lines(all, style, columns, height, now);
    }
}
