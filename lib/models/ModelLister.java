package conform.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import conform.models.ModelListing.Source;
import conform.plan.PlannedRun;
import conform.redact.Redactor;
import conform.runtime.ActionFailure;
import conform.runtime.Launch;
import conform.runtime.RuntimeSession;
import conform.runtime.RuntimeStartFailure;
import conform.runtime.SourceOverlay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Lists what one plugin registers in one runtime: starts its entry without asking it to register any model
 * (so only what the plugin registers by itself and what its provider lists appear), reads its action list, and
 * stops the runtime. Against the emulator, each suite model the runtime does not list is then called once — the
 * emulator answers — so the runtime resolves it as a run would, and its metadata is read as registered on call.
 */
public final class ModelLister {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the call that makes a runtime resolve a model sends; the emulator answers any prompt. */
    private static final String RESOLVE_PROMPT = "conform models: registering this model";

    private final Map<Source, Map<String, String>> childEnv;
    private final Path logDir;
    private final Redactor redactor;

    /**
     * @param childEnv per source, the variables added to a runtime's environment (for the emulator: its URLs and
     *                 stand-in keys)
     * @param logDir   where each runtime's output goes ({@code <plugin>-<runtime>.models.log})
     */
    public ModelLister(Map<Source, Map<String, String>> childEnv, Path logDir, Redactor redactor) {
        this.childEnv = Map.copyOf(childEnv);
        this.logDir = logDir;
        this.redactor = redactor;
    }

    /** Lists {@code run}'s plugin in its runtime, its provider being {@code source}; {@code notes} hears progress. */
    public ModelListing list(PlannedRun run, Source source, Consumer<String> notes) {
        String plugin = run.plugin();
        String runtime = run.runtimeName();
        Launch launch = new Launch(
                SourceOverlay.command(run.runtime(), plugin),
                run.runtime().cwd(),
                childEnv.getOrDefault(source, Map.of()),
                logDir.resolve(plugin + "-" + runtime + ".models.log"),
                Set.of(),
                false,
                run.settings().startupTimeout(),
                run.settings().healthTimeout(),
                redactor,
                run.runtime().transport());
        try (RuntimeSession session = RuntimeSession.start(launch, notes)) {
            return of(session, run, source);
        } catch (RuntimeStartFailure e) {
            return ModelListing.error(plugin, runtime, source, "runtime did not start: " + e.getMessage());
        }
    }

    /**
     * What {@code run}'s plugin registers in a running session that was asked to register no model up front: the list
     * it gave when it became ready and, against the emulator, the suite models it registers when called. check-model
     * takes it from each of its runs this way, after the tests.
     */
    public static ModelListing of(RuntimeSession session, PlannedRun run, Source source) {
        String plugin = run.plugin();
        String runtime = run.runtimeName();
        if (session.startListing() == null)
            return ModelListing.error(plugin, runtime, source, "the runtime's action list did not answer");
        try {
            List<ModelRecord> listed = ModelListing.records(session.startListing(), Registration.LISTED);
            List<ModelRecord> models = new ArrayList<>(listed);
            if (source == Source.EMULATOR)
                models.addAll(resolveOnCall(session, run, listed, run.settings().actionTimeout()));
            models.sort(Comparator.comparing(ModelRecord::name));
            return new ModelListing(plugin, runtime, ModelListing.Status.LISTED, source, null, models);
        } catch (ActionFailure e) {
            return ModelListing.error(plugin, runtime, source, "listing its actions failed: " + e.getMessage());
        }
    }

    /**
     * The suite models the runtime did not list, each called once so the runtime resolves it: its answer, or its
     * failure (a plugin may refuse the prompt), does not matter, only that the model is registered afterwards.
     */
    private static List<ModelRecord> resolveOnCall(
            RuntimeSession session, PlannedRun run, List<ModelRecord> listed, Duration timeout) throws ActionFailure {
        Set<String> missing = new LinkedHashSet<>(
                SuiteSummary.of(run.spec()).stream().map(SuiteSummary::model).toList());
        listed.forEach(m -> missing.remove(m.name()));
        if (missing.isEmpty()) return List.of();
        for (String model : missing) {
            try {
                session.run(model, request(), false, timeout);
            } catch (ActionFailure ignored) {
                // resolved before it failed, or not resolvable at all: the listing below tells which
            }
        }
        return ModelListing.records(session.actions(timeout), Registration.ON_CALL).stream()
                .filter(m -> missing.contains(m.name()))
                .toList();
    }

    private static JsonNode request() {
        var input = JSON.createObjectNode();
        input.putArray("messages")
                .addObject()
                .put("role", "user")
                .putArray("content")
                .addObject()
                .put("text", RESOLVE_PROMPT);
        input.putObject("config");
        return input;
    }
}
