package conform.runtime;

import java.nio.file.Path;
import java.util.List;

/** A runtime that did not come up: why, and the end of its log so the user sees what it printed. */
public class RuntimeStartFailure extends Exception {

    private final Path log;
    private final List<String> logTail;

    public RuntimeStartFailure(String message, Path log, List<String> logTail) {
        super(message, null, false, false);
        this.log = log;
        this.logTail = logTail;
    }

    public Path log() {
        return log;
    }

    public List<String> logTail() {
        return logTail;
    }
}
