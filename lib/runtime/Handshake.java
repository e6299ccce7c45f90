package conform.runtime;

import conform.config.Transport;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * How a started runtime becomes reachable. Over v2 it registers with conform's server; over v1 it writes a runtime file
 * and its server then answers the health check. With auto both are offered and the runtime's answer decides: a Genkit
 * without v2 ignores {@code GENKIT_REFLECTION_V2_SERVER} and writes its file. Bounded by the start-up deadline, and
 * ended at once when the entry exits.
 */
final class Handshake {

    private static final long POLL_MS = 25;

    private final Launch launch;
    private final ProcessTree tree;
    private final ReflectionV2 v2;
    private final CompletableFuture<HttpClient> http;
    private final long deadline;
    private final Set<Path> foreignFiles = new HashSet<>();

    /**
     * @param v2   the v2 server the runtime was told about, or null (v1 only)
     * @param http the v1 client being built while the runtime boots, or null to build it when a runtime file appears
     */
    Handshake(Launch launch, ProcessTree tree, ReflectionV2 v2, CompletableFuture<HttpClient> http, long deadline) {
        this.launch = launch;
        this.tree = tree;
        this.v2 = v2;
        this.http = http;
        this.deadline = deadline;
    }

    /** The runtime's reflection API, once it registered (v2) or wrote its file and answers its health check (v1). */
    Reflection await() throws RuntimeStartFailure {
        Path cwd = launch.cwd();
        while (true) {
            if (v2 != null && v2.registered()) {
                if (http != null) http.thenAccept(HttpClient::shutdownNow);
                return v2;
            }
            Optional<RuntimeFile> file = RuntimeFile.find(cwd, tree, foreignFiles);
            if (file.isPresent()) {
                if (launch.transport() == Transport.V2)
                    throw failure(
                            "wrote a runtime file (" + file.get().path() + ") instead of registering with conform: its"
                                    + " Genkit has no reflection API v2 (npm"
                                    + " genkit 1.31+, PyPI genkit 0.12+); use"
                                    + " --transport auto or v1, or `transport ="
                                    + " \"auto\"` for this runtime in"
                                    + " conform.toml");
                if (v2 != null) v2.close();
                ReflectionClient client = new ReflectionClient(
                        file.get().reflectionUrl(),
                        http != null ? http.join() : ReflectionClient.newHttp(),
                        file.get().pid());
                try {
                    awaitHealth(client);
                } catch (RuntimeStartFailure e) {
                    client.close();
                    throw e;
                }
                return client;
            }
            checkAlive("before " + awaited());
            if (System.nanoTime() > deadline)
                throw failure(awaitedNot() + " after " + ReflectionClient.seconds(launch.startupTimeout()) + hint());
            RuntimeSession.sleep(POLL_MS);
        }
    }

    private void awaitHealth(ReflectionClient client) throws RuntimeStartFailure {
        while (!client.answering(launch.healthTimeout())) {
            checkAlive("before its reflection server became healthy");
            if (System.nanoTime() > deadline)
                throw failure("reflection server at " + client.base() + " not healthy after "
                        + ReflectionClient.seconds(launch.startupTimeout()));
            RuntimeSession.sleep(POLL_MS);
        }
    }

    /** What the runtime is expected to do first, for "the entry exited with code N before …". */
    private String awaited() {
        return switch (launch.transport()) {
            case V1 -> "writing its runtime file";
            case V2 -> "registering with conform";
            case AUTO -> "registering with conform or writing its runtime file";
        };
    }

    private String awaitedNot() {
        String noFile = "no runtime file from this process in " + RuntimeFile.directory(launch.cwd());
        String noRegister = "no reflection v2 registration from this process at " + (v2 == null ? "" : v2.url());
        return switch (launch.transport()) {
            case V1 -> noFile;
            case V2 -> noRegister;
            case AUTO -> noRegister + " and " + noFile;
        };
    }

    private String hint() {
        return " (is GENKIT_ENV=dev honoured, and is " + launch.cwd() + " the project root?"
                + (launch.transport() == Transport.V2
                        ? " Does its Genkit have reflection API v2: npm genkit 1.31+, PyPI genkit 0.12+?)"
                        : ")");
    }

    private void checkAlive(String when) throws RuntimeStartFailure {
        Optional<Integer> code = tree.exitCode();
        if (code.isPresent()) throw failure("the entry exited with code " + code.get() + " " + when);
    }

    private static RuntimeStartFailure failure(String message) {
        return new RuntimeStartFailure(message, null, List.of());
    }
}
