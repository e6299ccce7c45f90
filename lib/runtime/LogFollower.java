package conform.runtime;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Passes a runtime's log on line by line as it grows (for -v), from a virtual thread that polls the file: the
 * runtime writes to the file directly, so following it never slows the runtime down.
 */
final class LogFollower implements AutoCloseable {

    private static final long POLL_MS = 100;
    /** A chatty runtime can leave megabytes to pass on when it stops; bounded, like every wait. */
    private static final long DRAIN_MS = 10_000;

    private final Thread thread;
    private volatile boolean stopped;

    LogFollower(Path log, long from, Consumer<String> lines) {
        this.thread =
                Thread.ofVirtual().name("conform-log-" + log.getFileName()).start(() -> follow(log, from, lines));
    }

    private void follow(Path log, long from, Consumer<String> lines) {
        long offset = from;
        StringBuilder partial = new StringBuilder();
        while (true) {
            boolean last = stopped;
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                if (file.length() > offset) {
                    byte[] bytes = new byte[(int) Math.min(file.length() - offset, 1 << 20)];
                    file.seek(offset);
                    file.readFully(bytes);
                    offset += bytes.length;
                    partial.append(new String(bytes, StandardCharsets.UTF_8));
                    int newline;
                    while ((newline = partial.indexOf("\n")) >= 0) {
                        lines.accept(partial.substring(0, newline).stripTrailing());
                        partial.delete(0, newline + 1);
                    }
                    continue;
                }
            } catch (FileNotFoundException notYet) {
                // the log is created by the copier of the child's output, which may not have run yet
            } catch (IOException e) {
                return;
            }
            if (last) {
                if (!partial.isEmpty()) lines.accept(partial.toString().stripTrailing());
                return;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Passes on what is left in the file, then stops. */
    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(DRAIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
