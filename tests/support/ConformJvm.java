package conform.support;

import java.util.ArrayList;
import java.util.List;

/** conform in a JVM of its own, on this JVM's classpath: for what only a separate process shows (a signal, a terminal). */
public final class ConformJvm {

    private ConformJvm() {}

    /** The command line of {@code conform ARGS}. */
    public static List<String> command(List<String> args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Djdk.httpclient.allowRestrictedHeaders=connection",
                "-cp",
                System.getProperty("java.class.path"),
                "conform"));
        command.addAll(args);
        return command;
    }
}
