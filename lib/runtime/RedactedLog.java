package conform.runtime;

import conform.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * A child's output on its way into its log file, line by line, through the {@link Redactor}: a runtime that prints a
 * key (a Python traceback shows request headers) never puts it into the log. The child writes to a raw file of its
 * own, private to this user, as fast as it likes — a pipe would make a chatty child wait for us, and a Node runtime
 * queues what a pipe cannot take and loses it when stopped — and a virtual thread copies each whole line from it,
 * redacted (a key split over two writes would escape redaction), until the child is done; the raw file is then
 * deleted. A line longer than {@link #MAX_LINE} bytes is copied in pieces.
 */
final class RedactedLog implements AutoCloseable {

    static final int MAX_LINE = 64 * 1024;
    private static final long POLL_MS = 20;
    private final Path raw;
    private final Thread copier;
    private volatile boolean finishing;

    private RedactedLog(Path raw, Path log, Redactor redactor) {
        this.raw = raw;
        this.copier =
                Thread.ofVirtual().name("conform-log-" + log.getFileName()).start(() -> copy(log, redactor));
    }

    /** A raw file for a child's output, to be copied into {@code log}; the child is to append to {@link #raw()}. */
    static RedactedLog create(Path log, Redactor redactor) throws IOException {
        Path raw = Files.createTempFile(
                "conform-raw-",
                ".log",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return new RedactedLog(raw, log, redactor);
    }

    Path raw() {
        return raw;
    }

    private void copy(Path log, Redactor redactor) {
        try (RandomAccessFile in = new RandomAccessFile(raw.toFile(), "r");
                OutputStream out = new FileOutputStream(log.toFile(), true)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (true) {
                boolean last = finishing; // read before the file, so nothing written before close() is missed
                int n = in.read(buffer);
                if (n > 0) {
                    int from = 0;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] != '\n' && line.size() + i - from < MAX_LINE) continue;
                        line.write(buffer, from, i + 1 - from);
                        write(line, out, redactor);
                        from = i + 1;
                    }
                    line.write(buffer, from, n - from);
                } else if (last) {
                    write(line, out, redactor);
                    return;
                } else {
                    Thread.sleep(POLL_MS);
                }
            }
        } catch (IOException | InterruptedException e) {
            // The raw file is gone or the log cannot be written: nothing more can be copied.
        }
    }

    private static void write(ByteArrayOutputStream line, OutputStream out, Redactor redactor) throws IOException {
        if (line.size() == 0) return;
        out.write(redactor.redact(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        line.reset();
    }

    /**
     * Copies what is left (the child has exited, or been stopped) and deletes the raw file. Bounded: a grandchild
     * that keeps writing after its parent is gone is not waited for beyond {@code wait}.
     */
    void finish(Duration wait) {
        finishing = true;
        try {
            copier.join(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(raw);
        } catch (IOException ignored) {
            // in the temp dir, private to this user
        }
    }

    @Override
    public void close() {
        finish(Duration.ofSeconds(10));
    }
}
