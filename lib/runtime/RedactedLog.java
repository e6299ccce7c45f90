package conform.runtime;

import conform.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Copies a child's output into its log file, line by line, through the {@link Redactor}: a runtime that prints a key
 * (a Python traceback shows request headers) never puts it into a file. A virtual thread reads the pipe as fast as the
 * child writes, so a chatty child can never fill the pipe and stall. Only whole lines are written (a key split over
 * two writes would escape redaction); a line longer than {@link #MAX_LINE} bytes is written in pieces.
 */
final class RedactedLog implements AutoCloseable {

    static final int MAX_LINE = 64 * 1024;
    private final Thread pump;

    RedactedLog(InputStream output, Path log, Redactor redactor) {
        this.pump =
                Thread.ofVirtual().name("conform-log-" + log.getFileName()).start(() -> copy(output, log, redactor));
    }

    private static void copy(InputStream output, Path log, Redactor redactor) {
        try (InputStream in = output;
                OutputStream out = new FileOutputStream(log.toFile(), true)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    line.write(buffer[i]);
                    if (buffer[i] == '\n' || line.size() >= MAX_LINE) write(line, out, redactor);
                }
            }
            write(line, out, redactor);
        } catch (IOException endOfOutput) {
            // The child's side is gone, or the log cannot be written: nothing more to copy.
        }
    }

    private static void write(ByteArrayOutputStream line, OutputStream out, Redactor redactor) throws IOException {
        if (line.size() == 0) return;
        out.write(redactor.redact(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        line.reset();
    }

    /** Waits, at most {@code wait}, for what the child wrote to be in the file (a grandchild may hold the pipe open). */
    void drain(Duration wait) {
        try {
            pump.join(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        drain(Duration.ofSeconds(2));
    }
}
