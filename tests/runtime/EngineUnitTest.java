package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import conform.redact.Redactor;
import conform.runner.RetryPolicy;
import conform.support.TempProject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runtime files, error envelopes, retry delays, log tails and process trees, without a Genkit runtime. */
class EngineUnitTest {

    private static final Redactor NO_SECRETS = Redactor.fromEnvironment(Map.of(), List.of());

    @RegisterExtension
    private final TempProject dir = TempProject.create();

    @Test
    void localhostBecomesLoopbackIPv4() {
        assertEquals(URI.create("http://127.0.0.1:3100"), RuntimeFile.loopback(URI.create("http://localhost:3100")));
        assertEquals(URI.create("http://127.0.0.1:4000"), RuntimeFile.loopback(URI.create("http://127.0.0.1:4000")));
    }

    @Test
    void onlyAFileFromOurProcessTreeIsAccepted() throws Exception {
        try (ProcessTree sleeper =
                ProcessTree.start(List.of("sleep", "30"), dir.root(), Map.of(), dir.path("log.txt"), NO_SECRETS)) {
            dir.write(
                    ".genkit/runtimes/1-3100-1.json",
                    "{\"id\":\"1-3100\",\"pid\":1,\"reflectionServerUrl\":\"http://localhost:3100\"}");
            dir.write(".genkit/runtimes/half.json", "{\"pid\":");
            Set<Path> foreign = new HashSet<>();
            assertTrue(
                    RuntimeFile.find(dir.root(), sleeper, foreign).isEmpty(),
                    "pid 1 is not ours, and a half-written file is skipped");
            assertEquals(
                    Set.of(dir.path(".genkit/runtimes/1-3100-1.json")),
                    foreign,
                    "another's file is not read again; a half-written one may be ours");
            dir.write(
                    ".genkit/runtimes/" + sleeper.pid() + "-3101-2.json",
                    "{\"id\":\"x\",\"pid\":" + sleeper.pid() + ",\"reflectionServerUrl\":\"http://localhost:3101\"}");
            RuntimeFile found = RuntimeFile.find(dir.root(), sleeper, foreign).orElseThrow();
            assertEquals(sleeper.pid(), found.pid());
            assertEquals(URI.create("http://127.0.0.1:3101"), found.reflectionUrl());
        }
    }

    @Test
    void stoppingATreeKillsItsChildrenToo() throws Exception {
        ProcessTree tree = ProcessTree.start(
                List.of("sh", "-c", "sleep 60 & sleep 60 & wait"),
                dir.root(),
                Map.of(),
                dir.path("log.txt"),
                NO_SECRETS);
        Thread.sleep(300);
        List<ProcessHandle> members =
                ProcessHandle.of(tree.pid()).orElseThrow().descendants().toList();
        assertEquals(2, members.size(), "two sleeping children");
        tree.stop(Duration.ofSeconds(2));
        assertFalse(tree.isAlive());
        // A child may be left a zombie for init to reap: stopped all the same.
        for (ProcessHandle child : members)
            assertFalse(ProcessTable.running(child), "child " + child.pid() + " survived");
    }

    @Test
    void aChildThatIgnoresSigtermIsKilled() throws Exception {
        ProcessTree tree = ProcessTree.start(
                List.of("sh", "-c", "trap '' TERM; sleep 60 & wait"),
                dir.root(),
                Map.of(),
                dir.path("log.txt"),
                NO_SECRETS);
        Thread.sleep(300);
        long start = System.nanoTime();
        tree.stop(Duration.ofMillis(500));
        assertFalse(tree.isAlive());
        assertTrue((System.nanoTime() - start) / 1e9 < 5);
    }

    @Test
    void outputGoesToTheLogAndTheTailIsReadable() throws Exception {
        ProcessTree tree = ProcessTree.start(
                List.of("sh", "-c", "for i in $(seq 1 50000); do echo line $i; done; echo oops >&2"),
                dir.root(),
                Map.of(),
                dir.path("log.txt"),
                NO_SECRETS);
        assertEquals(0, tree.waitFor(Duration.ofSeconds(30)));
        assertEquals(List.of("line 49999", "line 50000", "oops"), LogTail.last(dir.path("log.txt"), 3));
        assertEquals(List.of(), LogTail.last(dir.path("absent.txt"), 3));
        Files.writeString(dir.path("empty.txt"), "");
        assertEquals(List.of(), LogTail.last(dir.path("empty.txt"), 3), "an empty log has no lines");
        Files.writeString(dir.path("blank-end.txt"), "done\n\n\n");
        assertEquals(List.of("done"), LogTail.last(dir.path("blank-end.txt"), 3));
    }

    @Test
    void aLogFollowedBeforeItExistsIsWaitedFor() throws Exception {
        // The log of a child's output is created by the thread that copies it there, maybe after the follower starts.
        List<String> lines = new CopyOnWriteArrayList<>();
        LogFollower follower = new LogFollower(dir.path("later.log"), 0, lines::add);
        Thread.sleep(300);
        Files.writeString(dir.path("later.log"), "first\nsecond\n");
        follower.close();
        assertEquals(List.of("first", "second"), lines);
    }

    @Test
    void theFirstErrorOfALogIsFoundBeforePagesOfUsage() throws Exception {
        Files.writeString(
                dir.path("npm.log"), "added 3 packages\nnpm error code EUSAGE\nnpm error no lock file\nusage: …\n");
        assertEquals(
                List.of("npm error code EUSAGE", "npm error no lock file"), LogTail.firstError(dir.path("npm.log"), 2));
        Files.writeString(dir.path("clean.log"), "terror is not a word we match\nall good\n");
        assertEquals(List.of(), LogTail.firstError(dir.path("clean.log"), 2));
        assertEquals(List.of(), LogTail.firstError(dir.path("absent.log"), 2));
    }

    @Test
    void theEnvironmentCanBeExtendedAndTrimmed() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CONFORM_PROBE", "yes");
        env.put("HOME", null);
        ProcessTree tree = ProcessTree.start(
                List.of("sh", "-c", "echo probe=$CONFORM_PROBE home=${HOME:-unset}"),
                dir.root(),
                env,
                dir.path("log.txt"),
                NO_SECRETS);
        tree.waitFor(Duration.ofSeconds(10));
        assertEquals(List.of("probe=yes home=unset"), LogTail.last(dir.path("log.txt"), 1));
    }

    @Test
    void envelopesMapToKinds() {
        var json = new ObjectMapper();
        assertEquals(
                ActionFailure.Kind.NOT_FOUND,
                ErrorEnvelope.fromEnvelope(
                                json.createObjectNode().put("code", 5).put("message", "x"))
                        .kind());
        assertEquals(
                ActionFailure.Kind.INVALID_REQUEST,
                ErrorEnvelope.fromEnvelope(
                                json.createObjectNode().put("code", 400).put("message", "x"))
                        .kind());
        assertEquals(
                ActionFailure.Kind.ACTION_ERROR,
                ErrorEnvelope.fromEnvelope(
                                json.createObjectNode().put("code", 13).put("message", "x"))
                        .kind());
        assertEquals(
                ActionFailure.Kind.ACTION_ERROR,
                ErrorEnvelope.fromEnvelope(json.getNodeFactory().textNode("plain"))
                        .kind());
        assertEquals(
                ActionFailure.Kind.HTTP_ERROR,
                ErrorEnvelope.fromHttp(503, "busy", null).kind());
        assertEquals(
                ActionFailure.Kind.INVALID_REQUEST,
                ErrorEnvelope.fromHttp(400, "bad", null).kind());
    }

    @Test
    void retryDelaysAreFoundInErrorTexts() {
        assertEquals(Duration.ofSeconds(2), ErrorEnvelope.retryAfterIn("429: retry-after: 2"));
        assertEquals(Duration.ofMillis(500), ErrorEnvelope.retryAfterIn("Please retry after 500ms"));
        assertEquals(Duration.ofMillis(1500), ErrorEnvelope.retryAfterIn("{\"retryDelay\": \"1.5s\"}"));
        assertNull(ErrorEnvelope.retryAfterIn("plain failure"));
        assertEquals(Duration.ofSeconds(7), ErrorEnvelope.parseRetryAfterHeader("7"));
        assertNull(ErrorEnvelope.parseRetryAfterHeader("soon"));
    }

    @Test
    void longMessagesAreAbbreviated() {
        String s = ErrorEnvelope.abbreviate("x".repeat(5000));
        assertTrue(s.length() < 4100 && s.endsWith("(1000 more characters)"), s.substring(4000));
    }

    @Test
    void backoffIsFullJitterCappedAndHonoursRetryAfter() {
        RetryPolicy always = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 1.0);
        assertEquals(Duration.ofSeconds(1), always.delay(0, null));
        assertEquals(Duration.ofSeconds(4), always.delay(2, null));
        assertEquals(Duration.ofSeconds(60), always.delay(10, null), "capped");
        RetryPolicy half = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.5);
        assertEquals(Duration.ofMillis(1000), half.delay(1, null));
        assertEquals(Duration.ofSeconds(3), half.delay(0, Duration.ofSeconds(3)), "the provider's delay wins");
        assertEquals(Duration.ofSeconds(60), half.delay(0, Duration.ofMinutes(5)), "but is capped too");
        assertEquals(Duration.ZERO, new RetryPolicy(1, Duration.ZERO, RetryPolicy.CAP, () -> 1.0).delay(0, null));
    }

    @Test
    void modelKeys() {
        assertEquals("/model/googleai/gemini-2.5-flash", ActionRunner.modelKey("googleai/gemini-2.5-flash"));
        assertEquals("/custom/x", ActionRunner.modelKey("/custom/x"));
    }
}
