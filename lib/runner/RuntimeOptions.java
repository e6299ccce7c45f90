package conform.runner;

import conform.redact.Redactor;
import java.nio.file.Path;
import java.util.Map;

/**
 * How plugin runs start their runtimes, and what changes in the requests they send.
 *
 * @param logDir     where each runtime's output goes ({@code <plugin>-<runtime>.log})
 * @param childEnv   variables added to every runtime's environment (the emulator's URLs; never printed)
 * @param followLogs pass each runtime's log to {@link RunListener#log} as it arrives (-v)
 * @param redactor   what every runtime's output passes through on its way into its log
 * @param mediaUrls  media URLs of test inputs replaced before a test is sent (offline: the built-in tests' image
 *                   URLs by the emulator's copies); empty for none
 * @param listings   where the runs' model listings go, for the model inventory (--report-dir), or null for none
 */
public record RuntimeOptions(
        Path logDir,
        Map<String, String> childEnv,
        boolean followLogs,
        Redactor redactor,
        Map<String, String> mediaUrls,
        RunListings listings) {}
