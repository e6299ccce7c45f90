package conform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.ConformJvm;
import conform.support.Fixtures;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real-client suite: the official provider SDKs, pinned in tests/emulator/sdk/requirements.txt, drive a running
 * {@code conform emulate} as an application's tests would, with the variables it prints. They are the strictest
 * parsers of the providers' answers there are, so every check of every script must pass. conform's own Python setup
 * installs them into tests/emulator/sdk/.venv, once per change of requirements.txt.
 */
class SdkClientsTest {

    private static final Path SDK = RepoRoot.find().resolve("tests/emulator/sdk");
    private static final String LAST_LINE = "Ctrl-C stops it.";
    private static TempProject work;
    private static Process emulator;
    private static Map<String, String> env;

    @BeforeAll
    static void installTheSdksAndStartTheEmulator() throws Exception {
        work = TempProject.create();
        work.write(
                "conform.toml", "[conform.runtimes.python]\ncwd = \"%s\"\nentries-dir = \"entries\"\n".formatted(SDK));
        Files.createDirectories(work.path("entries"));
        CliRun.withProcessEnvironment(
                        work.root(),
                        "setup",
                        "--config",
                        work.path("conform.toml").toString(),
                        "--no-color")
                .expect(ExitCode.OK, "installing the provider SDKs of " + SDK.resolve("requirements.txt"));

        Path out = work.path("emulate.out");
        emulator = new ProcessBuilder(ConformJvm.command(List.of("emulate", "--no-color")))
                .directory(RepoRoot.find().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(work.path("emulate.err").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !printed(out).contains(LAST_LINE) && emulator.isAlive())
            Thread.sleep(100);
        assertTrue(
                printed(out).contains(LAST_LINE),
                "conform emulate did not start:\n" + printed(out) + printed(work.path("emulate.err")));
        env = new HashMap<>(System.getenv());
        for (String line : printed(out).lines().toList()) {
            if (!line.startsWith("  export ")) continue;
            String[] assignment = line.substring("  export ".length()).split("=", 2);
            env.put(assignment[0], assignment[1]);
        }
        env.put(
                "CONFORM_TEST_IMAGE",
                RepoRoot.find().resolve("lib/spec/genkit-test-image.png").toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
    }

    @AfterAll
    static void stopTheEmulator() throws Exception {
        if (emulator != null) {
            emulator.destroy(); // SIGTERM: its shutdown hook closes the server
            if (!emulator.waitFor(15, TimeUnit.SECONDS))
                emulator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (work != null) work.close();
        assertEquals(List.of(), Fixtures.livingChildren(), "processes left behind");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama", "bedrock"})
    void theOfficialSdkTakesEveryAnswer(String provider) throws Exception {
        Path log = work.path(provider + ".out");
        ProcessBuilder script = new ProcessBuilder(
                        SDK.resolve(".venv/bin/python").toString(), provider + "_sdk.py")
                .directory(SDK.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        script.environment().clear();
        script.environment().putAll(env);
        Process python = script.start();
        boolean ended = python.waitFor(120, TimeUnit.SECONDS);
        if (!ended) python.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        String output = printed(log);
        assertTrue(ended, provider + "_sdk.py took more than 120 s:\n" + output);
        assertEquals(0, python.exitValue(), provider + "_sdk.py:\n" + output);
        assertTrue(output.contains(" passed, 0 failed"), output);
    }

    private static String printed(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
