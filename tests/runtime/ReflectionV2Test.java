package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.redact.Redactor;
import conform.support.TempProject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * conform's reflection v2 server against a runtime played by the test over a real WebSocket (the protocol as the JS
 * and Python runtimes speak it, from the reference notes): what a real runtime cannot be made to do on cue — drop its
 * socket mid-call and answer late, register from a foreign pid, ping — and how each answer maps.
 */
class ReflectionV2Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far longer than any test waits: a failure that comes is not this timeout. */
    private static final Duration LONG = Duration.ofSeconds(120);

    @RegisterExtension
    private final TempProject work = TempProject.create();

    private ProcessTree tree;
    private ReflectionV2 v2;

    @BeforeEach
    void listen() throws Exception {
        // The process whose pid the scripted runtime registers with: conform started it.
        tree = ProcessTree.start(
                List.of("sleep", "600"),
                work.root(),
                Map.of(),
                work.path("sleep.log"),
                Redactor.fromEnvironment(Map.of(), List.of()));
        Files.writeString(work.path("runtime.log"), "starting\nabout to lose its socket\n");
        v2 = ReflectionV2.listen(work.path("runtime.log"));
        v2.attach(tree);
    }

    @AfterEach
    void stop() {
        v2.close();
        tree.stop(Duration.ofSeconds(5));
    }

    @Test
    void aCallLostWithItsConnectionFailsAtOnceWithTheLogsTailAndItsLateAnswerIsDropped() throws Exception {
        try (ScriptedV2Runtime first = registered()) {
            CompletableFuture<ActionResult> lost = run("/model/m", false, LONG);
            JsonNode request = first.next();
            assertEquals("runAction", request.get("method").asText());
            assertTrue(request.get("id").isTextual(), "string ids: JS rejects numeric ones");
            first.drop();
            ActionFailure failure = failure(lost);
            assertEquals(ActionFailure.Kind.TRANSPORT, failure.kind(), "failed at once, not at the timeout");
            assertTrue(failure.getMessage().contains("closed during the call"), failure.getMessage());
            assertTrue(failure.getMessage().contains("about to lose its socket"), "the log's tail");

            // The runtime dials again and registers; JS then answers the lost call on the new socket.
            try (ScriptedV2Runtime second = registered()) {
                CompletableFuture<ActionResult> next = run("/model/m", false, LONG);
                JsonNode again = second.next();
                assertNotEquals(request.get("id"), again.get("id"), "an id is never used twice");
                second.answer(request.get("id"), result("late, for the lost call"));
                second.answer(again.get("id"), result("for this call"));
                assertEquals("for this call", text(next.get(30, TimeUnit.SECONDS)));
            }
        }
    }

    @Test
    void aRegisterFromAProcessConformDidNotStartIsRefused() throws Exception {
        try (ScriptedV2Runtime stranger = ScriptedV2Runtime.dial(v2.url())) {
            JsonNode answer =
                    stranger.register(String.valueOf(ProcessHandle.current().pid()));
            assertTrue(
                    answer.path("error").path("message").asText().contains("not a runtime conform started"),
                    answer.toString());
            stranger.closed().get(30, TimeUnit.SECONDS);
            assertFalse(v2.registered());
        }
    }

    @Test
    void aStreamedCallCollectsItsChunksAndAPythonStylePidIsAccepted() throws Exception {
        try (ScriptedV2Runtime runtime = ScriptedV2Runtime.dial(v2.url())) {
            assertTrue(runtime.register(tree.pid() + ".0").has("result"), "Python sends the pid as 1234.0");
            CompletableFuture<ActionResult> call = run("/model/m", true, LONG);
            JsonNode request = runtime.next();
            String id = request.get("id").asText();
            assertTrue(request.at("/params/stream").asBoolean(), request.toString());
            runtime.notify("runActionState", id, "state", JSON.readTree("{\"traceId\":\"t1\"}"));
            runtime.notify("streamChunk", id, "chunk", JSON.readTree("{\"content\":[{\"text\":\"a\"}]}"));
            runtime.notify("streamChunk", "conform-999", "chunk", JSON.readTree("{\"content\":[{\"text\":\"x\"}]}"));
            runtime.notify("streamChunk", id, "chunk", JSON.readTree("{\"content\":[{\"text\":\"b\"}]}"));
            runtime.answer(request.get("id"), result("ab"));
            ActionResult result = call.get(30, TimeUnit.SECONDS);
            assertEquals(
                    List.of("a", "b"),
                    result.chunks().stream()
                            .map(c -> c.at("/content/0/text").asText())
                            .toList(),
                    "in order, and none of another call");
            assertNotNull(result.firstChunkMs());
            assertEquals("ab", text(result));
        }
    }

    @Test
    void errorsBecomeTheKindsV1Gives() throws Exception {
        try (ScriptedV2Runtime runtime = registered()) {
            assertEquals(
                    ActionFailure.Kind.NOT_FOUND,
                    failedWith(runtime, "{\"code\":-32602,\"message\":\"action /model/nope not found\"}")
                            .kind());
            assertEquals(
                    ActionFailure.Kind.INVALID_REQUEST,
                    failedWith(runtime, "{\"code\":-32602,\"message\":\"invalid params: input\"}")
                            .kind());
            ActionFailure thrown = failedWith(
                    runtime,
                    "{\"code\":-32000,\"message\":\"provider exploded\",\"data\":{\"code\":13,"
                            + "\"message\":\"provider exploded\",\"details\":{\"stack\":\"Error: at x\"}}}");
            assertEquals(ActionFailure.Kind.ACTION_ERROR, thrown.kind());
            assertEquals("provider exploded", thrown.getMessage());
            assertEquals(
                    ActionFailure.Kind.PROTOCOL,
                    failedWith(runtime, "{\"code\":-32601,\"message\":\"method not found\"}")
                            .kind());
        }
    }

    @Test
    void aTimedOutCallIsCancelledByItsTrace() throws Exception {
        try (ScriptedV2Runtime runtime = registered()) {
            CompletableFuture<ActionResult> call = run("/model/m", false, Duration.ofSeconds(1));
            String id = runtime.next().get("id").asText();
            runtime.notify("runActionState", id, "state", JSON.readTree("{\"traceId\":\"t-slow\"}"));
            assertEquals(ActionFailure.Kind.TIMEOUT, failure(call).kind());
            JsonNode cancel = runtime.next();
            assertEquals("cancelAction", cancel.get("method").asText());
            assertEquals("t-slow", cancel.at("/params/traceId").asText());
        }
    }

    @Test
    void aCallWaitsForTheRuntimeToRegisterAndFailsOnceItExited() throws Exception {
        CompletableFuture<ActionResult> early = run("/model/m", false, LONG);
        try (ScriptedV2Runtime runtime = registered()) {
            JsonNode request = runtime.next();
            runtime.answer(request.get("id"), result("after registering"));
            assertEquals("after registering", text(early.get(30, TimeUnit.SECONDS)));
            runtime.drop();
        }
        tree.stop(Duration.ofSeconds(5));
        ActionFailure gone = failure(run("/model/m", false, LONG));
        assertEquals(ActionFailure.Kind.TRANSPORT, gone.kind(), gone.getMessage());
    }

    @Test
    void pingsAreAnswered() throws Exception {
        try (ScriptedV2Runtime runtime = registered()) {
            assertEquals(42, runtime.ping().get(0), "Python drops a manager that does not answer its pings");
        }
    }

    private ScriptedV2Runtime registered() throws Exception {
        ScriptedV2Runtime runtime = ScriptedV2Runtime.dial(v2.url());
        JsonNode answer = runtime.register(String.valueOf(tree.pid()));
        assertTrue(answer.has("result"), answer.toString());
        return runtime;
    }

    private ActionFailure failedWith(ScriptedV2Runtime runtime, String error) throws Exception {
        CompletableFuture<ActionResult> call = run("/model/m", false, LONG);
        runtime.fail(runtime.next().get("id"), error);
        return failure(call);
    }

    private CompletableFuture<ActionResult> run(String key, boolean stream, Duration timeout) {
        ObjectNode input = JSON.createObjectNode();
        input.putArray("messages");
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return v2.run(key, input, stream, timeout, CallGate.UNBOUNDED);
                    } catch (ActionFailure e) {
                        throw new CompletionException(e);
                    }
                },
                Executors.newVirtualThreadPerTaskExecutor());
    }

    private static ActionFailure failure(CompletableFuture<ActionResult> call) throws Exception {
        try {
            ActionResult result = call.get(60, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + result);
        } catch (ExecutionException e) {
            return (ActionFailure) e.getCause();
        }
    }

    private static JsonNode result(String text) throws Exception {
        return JSON.readTree("{\"result\":{\"message\":{\"role\":\"model\",\"content\":[{\"text\":"
                + JSON.writeValueAsString(text) + "}]}},\"telemetry\":{\"traceId\":\"t\"}}");
    }

    private static String text(ActionResult result) {
        return result.response().at("/message/content/0/text").asText();
    }
}
