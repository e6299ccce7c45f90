package conform.runtime;

import conform.redact.Redactor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
        Redactor redactor) {

    /** The variable that tells an entry which models to register up front (comma-separated). */
    public static final String MODELS_VARIABLE = "CONFORM_MODELS";

    /**
     * What the entry's environment adds to conform's own, whoever starts it (conform, or the genkit CLI conform starts):
     * a null value unsets a variable.
     */
    Map<String, String> childEnvironment() {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("GENKIT_ENV", "dev");
        // Go honours this: a port the OS just handed out keeps Go runtimes out of the 3100-3200 range JS scans.
        env.put("GENKIT_REFLECTION_PORT", String.valueOf(freePort()));
        // Unset: the first makes the advertised id fail the runtime's own health check, the second switches to API v2.
        env.put("GENKIT_RUNTIME_ID", null);
        env.put("GENKIT_REFLECTION_V2_SERVER", null);
        // The entries register these up front (a plugin whose provider cannot list them still lists them at once);
        // empty, the runtime lists only what the plugin registers itself.
        env.put(MODELS_VARIABLE, String.join(",", models));
        return env;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            return 0;
        }
    }
}
