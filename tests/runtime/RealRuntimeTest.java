package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.diag.ExitCode;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.TempProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * conform against real Genkit runtimes (JS, Python and Go), each running the fixture model of
 * entries/<runtime>/fixtures. Every test also checks that no process conform started survives it.
 */
@ExtendWith(RealRuntimes.class)
class RealRuntimeTest {

    @RegisterExtension
    private final TempProject reports = TempProject.create();

    @InEachRuntime
    void everySupportedCapabilityPasses(String runtime) {
        Fixtures.Outcome o = Fixtures.checkModel("passing", runtime, reports.root());
        o.cli().expect(ExitCode.OK);
        assertEquals(9, o.statuses().size());
        o.statuses().forEach((test, status) -> assertEquals("passed", status, test + "\n" + o));
        JsonNode run = o.run();
        assertEquals("passed", run.get("status").asText());
        assertEquals(runtime.equals("go") ? "v1" : "v2", run.get("transport").asText(), "auto: v2 where there is one");
        assertTrue(run.get("startup_ms").asLong() > 0);
        JsonNode streamed = o.result("Multiturn Conformance with streaming");
        assertTrue(streamed.get("first_chunk_ms").isNumber(), "time to first chunk is recorded for streams");
        assertTrue(o.result("Multiturn Conformance").get("first_chunk_ms").isNull());
        assertEquals(1, o.result("Multiturn Conformance").get("attempts").asInt());
    }

    @InEachRuntime
    void validatorFailuresAreFailedWithTheirMessage(String runtime) {
        Fixtures.Outcome o = Fixtures.checkModel("failing", runtime, reports.root());
        o.cli().expect(ExitCode.FAILED);
        assertEquals(
                Map.of(
                        "Multiturn Conformance",
                        "passed",
                        "Wrong word",
                        "failed",
                        "Not JSON",
                        "failed",
                        "No tool call",
                        "failed"),
                o.statuses());
        assertTrue(
                o.result("Wrong word")
                        .get("error")
                        .asText()
                        .startsWith("text-includes:banana: Response text does not include 'banana'"),
                o.toString());
        assertTrue(o.result("Not JSON").get("error").asText().contains("not valid JSON"));
        assertTrue(o.result("No tool call").get("error").asText().contains("did not return a tool request"));
        assertTrue(
                o.cli().err().contains("error[E0003]: conformance tests failed for `echo` in " + runtime),
                o.toString());
        // The hint reproduces this run: the same config, specs and options, for this plugin and runtime.
        String hint = "rerun just this: conform check-model echo --runtime " + runtime + " --config "
                + Fixtures.config() + " --no-color --specs-dir " + Fixtures.scenario("failing") + " -v";
        assertTrue(
                o.cli().err().contains(hint),
                "a hint reruns just this:\n" + hint + "\n" + o.cli().err());
    }

    @InEachTransport
    void modelErrorsPropagateWithTheModelsMessage(String runtime, String transport) {
        Fixtures.Outcome o = over(transport, "errors", runtime);
        o.cli().expect(ExitCode.FAILED);
        assertEquals("error", o.result("Throws").get("status").asText());
        assertTrue(o.result("Throws").get("error").asText().contains("provider exploded"), o.toString());
        assertEquals("error", o.result("Throws while streaming").get("status").asText());
        assertTrue(o.result("Throws while streaming").get("error").asText().contains("stream exploded"), o.toString());
        assertEquals("error", o.result("Missing model").get("status").asText(), o.toString());
        assertEquals(1, o.result("Missing model").get("attempts").asInt(), "an unknown model is not retried");
        assertEquals("passed", o.result("Multiturn Conformance").get("status").asText());
    }

    @InEachTransport
    void aSlowModelTimesOut(String runtime, String transport) {
        long start = System.nanoTime();
        // 3 s: long enough for the quick test's first call on a loaded two-core machine, well short of the 6 s sleep.
        Fixtures.Outcome o = over(transport, "timeout", runtime, "--action-timeout", "3");
        assertEquals("timeout", o.result("Sleeps").get("status").asText(), o.toString());
        assertTrue(o.result("Sleeps").get("error").asText().contains("no complete answer within 3s"), o.toString());
        assertEquals("passed", o.result("Multiturn Conformance").get("status").asText());
        o.cli().expect(ExitCode.FAILED);
        assertTrue((System.nanoTime() - start) / 1e9 < 60, "the timeout bounded the wait");
    }

    @InEachTransport
    void aStalledStreamTimesOut(String runtime, String transport) {
        Fixtures.Outcome o = over(transport, "stall", runtime, "--action-timeout", "1.5");
        JsonNode stalls = o.result("Stalls");
        assertEquals("timeout", stalls.get("status").asText(), o.toString());
        assertTrue(stalls.get("error").asText().contains("stalled"), stalls.toString());
    }

    @InEachTransport
    void aRuntimeThatCrashesMidRunErrorsWithoutHanging(String runtime, String transport) {
        Fixtures.Outcome o = over(transport, "crash", runtime, "-t", "1");
        o.cli().expect(ExitCode.FAILED);
        assertEquals("passed", o.result("Multiturn Conformance").get("status").asText(), o.toString());
        String exited = "the runtime exited with code 3 (log: " + reports.path("logs/echo-" + runtime + ".log") + ")";
        for (String test : List.of("Crashes the runtime", "After the crash")) {
            assertEquals("error", o.result(test).get("status").asText(), test + "\n" + o);
            assertEquals(exited, o.result(test).get("error").asText(), test + "\n" + o);
        }
        assertEquals("error", o.run().get("status").asText());
        assertEquals(
                "the runtime exited with code 3 during the run",
                o.run().get("reason").asText());
        assertTrue(o.cli().err().contains("error[E0002]"), o.toString());
    }

    @Test
    void verboseShowsTheRuntimesLogAsItArrives() {
        Fixtures.Outcome o = Fixtures.checkModel("chatty", "go", reports.root(), "-v");
        assertTrue(
                o.cli().err().contains("echo (go) | conformtest/echo chatty stdout line 1:"),
                "the runtime's own lines, tagged");
        assertTrue(
                o.cli().err().contains("echo (go) | conformtest/echo chatty stderr line 20000:"), "to the last line");
    }

    @InEachTransport
    void aChattyRuntimeDoesNotStall(String runtime, String transport) {
        Fixtures.Outcome o = over(transport, "chatty", runtime);
        o.cli().expect(ExitCode.OK);
        assertTrue(
                reports.path("logs/echo-" + runtime + ".log").toFile().length() > 1_000_000,
                "megabytes went to the log");
    }

    /** check-model on a scenario in one runtime over {@code transport}, which results.json says the run used. */
    private Fixtures.Outcome over(String transport, String scenario, String runtime, String... extra) {
        List<String> args = new ArrayList<>(List.of("--transport", transport));
        args.addAll(List.of(extra));
        Fixtures.Outcome o = Fixtures.checkModel(scenario, runtime, reports.root(), args.toArray(String[]::new));
        assertEquals(transport, o.run().path("transport").asText(), o.toString());
        return o;
    }
}
