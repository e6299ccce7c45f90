package conform.runtime;

import conform.redact.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What starting one runtime takes.
 *
 * @param command        argv of the entry
 * @param cwd            the runtime's project root, where its runtime file appears
 * @param extraEnv       added to conform's own environment, for the child only (a null value unsets a variable)
 * @param log            where the runtime's output goes
 * @param models         the models the spec will call: start-up waits for them, and the entry registers them up front
 * @param startupTimeout the whole start-up, from spawning the entry to its models being listed
 * @param healthTimeout  one health probe
 * @param redactor       what the runtime's output passes through on its way into {@code log}
 */
public record Launch(
        List<String> command,
        Path cwd,
        Map<String, String> extraEnv,
        Path log,
        Set<String> models,
        Duration startupTimeout,
        Duration healthTimeout,
        Redactor redactor) {}
