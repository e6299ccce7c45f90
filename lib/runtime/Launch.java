package conform.runtime;

import conform.config.Transport;
import conform.redact.Redactor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
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
 * @param models         the models the spec will call: start-up waits for them to be listed (or for the list to settle)
 * @param registerModels whether the entry registers {@code models} up front; a run that gives the model inventory its
 *                       listing does not, so the runtime lists what its plugin registers by itself
 * @param startupTimeout the whole start-up, from spawning the entry to its models being listed
 * @param healthTimeout  one health probe
 * @param redactor       what the runtime's output passes through on its way into {@code log}
 * @param transport      the reflection API to speak with it (auto: v2 where the runtime has it, else v1)
 */
public record Launch(
        List<String> command,
        Path cwd,
        Map<String, String> extraEnv,
        Path log,
        Set<String> models,
        boolean registerModels,
        Duration startupTimeout,
        Duration healthTimeout,
        Redactor redactor,
        Transport transport) {

    /** The variable that tells an entry which models to register up front (comma-separated). */
    public static final String MODELS_VARIABLE = "CONFORM_MODELS";

    /**
     * What the entry's environment adds to conform's own, whoever starts it (conform, or the genkit CLI conform starts):
     * a null value unsets a variable.
     *
     * @param v2Server conform's reflection v2 server for this run, which a runtime with v2 dials; null when a v1 manager
     *                 starts the runtime (conform under --transport v1, or the genkit CLI, which reads runtime files
     *                 only): the runtime must then serve v1 whatever the caller's environment says
     */
    Map<String, String> childEnvironment(URI v2Server) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("GENKIT_ENV", "dev");
        // Go honours this: a port the OS just handed out keeps Go runtimes out of the 3100-3200 range JS scans. A
        // runtime that must speak v2 opens no port.
        env.put(
                "GENKIT_REFLECTION_PORT",
                v2Server != null && transport == Transport.V2 ? null : String.valueOf(freePort()));
        // Unset: it makes the advertised id fail the runtime's own health check.
        env.put("GENKIT_RUNTIME_ID", null);
        // Set, a runtime with reflection API v2 dials conform instead of serving v1.
        env.put("GENKIT_REFLECTION_V2_SERVER", v2Server == null ? null : v2Server.toString());
        // The entries register these up front (a plugin whose provider cannot list them still lists them at once);
        // empty, the runtime lists only what the plugin registers itself.
        env.put(MODELS_VARIABLE, registerModels ? String.join(",", models) : "");
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
