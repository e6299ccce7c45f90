package conform.report;

import conform.redact.Redactor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.runner.RunResult;
import conform.runner.TestResult;
import conform.runner.TestStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * results.json, the canonical record of a run that every other report is rendered from: one record per test
 * and one summary per plugin run. Error texts are redacted before they are written.
 */
public final class ResultsJson {

    public static final String FILE_NAME = "results.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {}

    public static ObjectNode build(List<RunResult> runs, Instant startedAt, long wallMs, String version, Redactor redactor) {
        ObjectNode root = JSON.createObjectNode();
        root.put("conform", version);
        root.put("started_at", startedAt.toString());
        root.put("wall_ms", wallMs);
        root.put("tests", runs.stream().mapToInt(r -> r.tests().size()).sum());
        ObjectNode totals = root.putObject("totals");
        for (TestStatus s : TestStatus.values()) totals.put(s.label(), runs.stream().mapToLong(r -> r.count(s)).sum());
        totals.put("flaky", runs.stream().mapToLong(RunResult::flakyCount).sum());
        ArrayNode summaries = root.putArray("runs");
        for (RunResult run : runs) {
            ObjectNode o = summaries.addObject();
            o.put("plugin", run.plugin());
            o.put("runtime", run.runtime());
            o.put("status", run.status().name().toLowerCase(java.util.Locale.ROOT));
            o.put("reason", redactor.redact(run.error()));
            o.put("tests", run.tests().size());
            ObjectNode counts = o.putObject("counts");
            for (TestStatus s : TestStatus.values()) counts.put(s.label(), run.count(s));
            counts.put("flaky", run.flakyCount());
            o.put("elapsed_ms", run.elapsedMs());
            putMillis(o, "startup_ms", run.startupMs());
            putMillis(o, "tests_ms", run.testsMs());
            o.put("log", run.log() == null ? null : run.log().toString());
            ArrayNode tail = o.putArray("log_tail");
            run.logTail().forEach(line -> tail.add(redactor.redact(line)));
        }
        ArrayNode results = root.putArray("results");
        for (RunResult run : runs) {
            for (TestResult t : run.tests()) {
                ObjectNode o = results.addObject();
                o.put("plugin", t.plugin());
                o.put("runtime", t.runtime());
                o.put("model", t.model());
                o.put("test", t.test());
                o.put("status", t.status().label());
                o.put("attempts", t.attempts());
                o.put("flaky", t.flaky());
                o.put("error", redactor.redact(t.error()));
                putMillis(o, "latency_ms", t.latencyMs());
                putMillis(o, "first_chunk_ms", t.firstChunkMs());
            }
        }
        return root;
    }

    private static void putMillis(ObjectNode o, String key, Long millis) {
        if (millis == null) o.putNull(key);
        else o.put(key, millis);
    }

    /** Writes atomically, so a reader never sees half a file. */
    public static Path write(Path dir, ObjectNode document) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(FILE_NAME);
        Path temp = Files.createTempFile(dir, ".results-", ".json");
        JSON.writeValue(temp.toFile(), document);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
