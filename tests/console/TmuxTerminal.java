package conform.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import conform.support.ConformJvm;
import conform.support.TempProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/** conform in a detached tmux session on a tmux server of its own: a real terminal to size, resize and read. */
final class TmuxTerminal implements AutoCloseable {

    private final String socket = "conform-tmux-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private String socketFile = "";

    private TmuxTerminal() {}

    /** Skips the calling test where tmux is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), "tmux is not installed (apt-get install -y tmux)");
    }

    private static boolean installed() {
        try {
            return new ProcessBuilder("tmux", "-V")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Runs conform (these arguments, from {@code dir}) in a new session of the given size. Its script goes into
     * {@code work}.
     */
    static TmuxTerminal start(TempProject work, Path dir, List<String> conformArgs, int columns, int rows)
            throws Exception {
        // Colour is on only on a terminal and without CI/NO_COLOR; the pane stays open after conform exits, for the
        // last capture, and a Ctrl-C typed for conform does not end the shell (a trap, which conform does not inherit).
        work.write(
                "run.sh",
                "cd '" + dir + "'\nunset CI NO_COLOR\nexport TERM=xterm-256color\ntrap 'true' INT\n"
                        + ConformJvm.command(conformArgs).stream()
                                .map(a -> "'" + a.replace("'", "'\\''") + "'")
                                .collect(Collectors.joining(" "))
                        + "\necho \"conform exited $?\"\nsleep 300\n");
        TmuxTerminal terminal = new TmuxTerminal();
        try {
            terminal.tmux(
                    "-f",
                    "/dev/null",
                    "new-session",
                    "-d",
                    "-s",
                    "live",
                    "-x",
                    String.valueOf(columns),
                    "-y",
                    String.valueOf(rows),
                    "sh " + work.path("run.sh"));
            terminal.socketFile =
                    terminal.tmux("display-message", "-p", "#{socket_path}").strip();
            return terminal;
        } catch (Exception | AssertionError e) {
            terminal.close();
            throw e;
        }
    }

    private String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out;
    }

    /** Types {@code keys} as tmux names them ({@code C-c} is Ctrl-C). */
    void press(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "live"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    void resize(int columns, int rows) throws Exception {
        tmux("resize-window", "-t", "live", "-x", String.valueOf(columns), "-y", String.valueOf(rows));
    }

    /** The visible screen (with {@code -S -}, the scrollback too), without its trailing blank lines. */
    List<String> capture(String... history) throws Exception {
        List<String> args = new ArrayList<>(List.of("capture-pane", "-p", "-t", "live"));
        args.addAll(List.of(history));
        List<String> lines =
                new ArrayList<>(tmux(args.toArray(String[]::new)).lines().toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        return lines;
    }

    /** The screen once it meets the condition, or as it is when the seconds are up. */
    List<String> waitFor(Predicate<List<String>> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> screen = capture();
        while (!condition.test(screen) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            screen = capture();
        }
        return screen;
    }

    /** Stops the tmux server, and conform with it. */
    @Override
    public void close() throws Exception {
        tmux("kill-server");
        if (!socketFile.isEmpty()) Files.deleteIfExists(Path.of(socketFile));
    }
}
