package conform.runner;

import conform.redact.Redactor;
import java.nio.file.Path;
import java.util.Map;

/**
 * How plugin runs start their runtimes.
 *
 * @param logDir     where each runtime's output goes ({@code <plugin>-<runtime>.log})
 * @param childEnv   variables added to every runtime's environment (the emulator's URLs; never printed)
 * @param followLogs pass each runtime's log to {@link RunListener#log} as it arrives (-v)
 * @param redactor   what every runtime's output passes through on its way into its log
 */
public record RuntimeOptions(Path logDir, Map<String, String> childEnv, boolean followLogs, Redactor redactor) {}
