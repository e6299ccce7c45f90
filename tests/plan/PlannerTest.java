package conform.plan;

import static org.junit.jupiter.api.Assertions.*;

import conform.config.ConfigLoader;
import conform.config.ConformConfig;
import conform.config.Setting;
import conform.config.SettingLayer;
import conform.diag.ConformException;
import conform.diag.ExitCode;
import conform.spec.BuiltinTests;
import conform.spec.SpecLoader;
import conform.support.CliRun;
import conform.support.TempProject;
import conform.validate.ValidatorRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PlannerTest {

    private static final ValidatorRegistry VALIDATORS = ValidatorRegistry.builtins();

    @RegisterExtension
    private final TempProject project = TempProject.standard()
            .write("conform.toml", TempProject.MINIMAL_CONFIG + TempProject.NEEDS_KEY_ENV)
            .write("specs/needs-key.yaml", "- model: k/one\n- model: k/two\n  supports: [multiturn]\n")
            .write("entries/js/needs-key.ts", "");

    private Plan plan(Map<String, String> env, List<String> plugins, List<String> runtimes) {
        return plan(env, plugins, runtimes, SettingLayer.EMPTY);
    }

    private Plan plan(Map<String, String> env, List<String> plugins, List<String> runtimes, SettingLayer flags) {
        ConformConfig config = ConfigLoader.load(project.path("conform.toml"));
        SpecLoader loader = new SpecLoader(BuiltinTests.load(VALIDATORS), VALIDATORS);
        return new Planner(config, Inventory.scan(config), loader, CliRun.withPath(env), flags).plan(plugins, runtimes);
    }

    @Test
    void everyRunAndModelCarriesItsResolvedSettings() {
        project.write("conform.toml", TempProject.MINIMAL_CONFIG + TempProject.NEEDS_KEY_ENV + """
            [conform.plugin-overrides.needs-key]
            startup-timeout = 12.5
            max-retries = 4
            [conform.model-overrides."k/two"]
            action-timeout = 7
            """);
        Plan plan = plan(
                Map.of("CONFORM_TEST_KEY", "k"),
                List.of("needs-key"),
                List.of("js"),
                SettingLayer.of(Map.of(Setting.TEST_CONCURRENCY, 5, Setting.CONCURRENCY, 2)));
        PlannedRun run = plan.runs().get(0);
        assertEquals(2, plan.concurrency());
        assertEquals(Duration.ofMillis(12_500), run.settings().startupTimeout());
        assertEquals(Duration.ofSeconds(5), run.settings().healthTimeout(), "the default");
        assertEquals(5, run.settings().testConcurrency(), "the flag beats every layer");
        assertEquals(Duration.ofSeconds(7), run.settingsFor("k/two").actionTimeout());
        assertEquals(4, run.settingsFor("k/two").maxRetries(), "the plugin's override reaches its models");
        assertEquals(Duration.ofSeconds(120), run.settingsFor("k/one").actionTimeout());
    }

    private static List<String> rows(Plan plan) {
        return plan.runs().stream()
                .map(r -> r.plugin() + "@" + r.runtimeName() + (r.runnable() ? "" : " skipped: " + r.skipReason()))
                .toList();
    }

    @Test
    void everyPluginInEveryRuntimeWithAnEntry() {
        Plan plan = plan(Map.of("CONFORM_TEST_KEY", "k"), List.of(), List.of());
        assertEquals(List.of("echo@js", "echo@python", "needs-key@js"), rows(plan));
        assertEquals(2, plan.pluginCount());
        assertEquals(2, plan.runtimeCount());
        assertEquals(4, plan.modelCount());
        assertEquals(2 + 2 + 10, plan.testCount());
        assertEquals(0, plan.skippedCount());
    }

    @Test
    void missingEnvSkipsNamingTheVariables() {
        Plan plan = plan(Map.of(), List.of(), List.of());
        PlannedRun skipped = plan.runs().get(2);
        assertFalse(skipped.runnable());
        assertEquals("missing env: CONFORM_TEST_KEY", skipped.skipReason());
        assertEquals(List.of("CONFORM_TEST_KEY"), skipped.missingEnv());
        assertEquals(4, plan.testCount(), "skipped runs do not count");
        assertEquals(1, plan.skippedCount());
    }

    @Test
    void anEmptyVariableIsMissing() {
        assertFalse(plan(Map.of("CONFORM_TEST_KEY", ""), List.of("needs-key"), List.of())
                .runs()
                .get(0)
                .runnable());
    }

    @Test
    void pluginsComeInTheOrderGiven() {
        assertEquals(
                List.of("needs-key@js", "echo@js", "echo@python"),
                rows(plan(Map.of("CONFORM_TEST_KEY", "k"), List.of("needs-key", "echo"), List.of())));
    }

    @Test
    void runtimeFilterKeepsOnlyThoseRuntimes() {
        assertEquals(List.of("echo@python"), rows(plan(Map.of(), List.of(), List.of("python"))));
    }

    @Test
    void runtimeNamesAreTrimmedAndDeduplicated() {
        assertEquals(List.of("echo@python"), rows(plan(Map.of(), List.of("echo"), List.of(" python", "python", ""))));
    }

    @Test
    void unknownPluginIsAnErrorWithASuggestion() {
        ConformException e = assertThrows(ConformException.class, () -> plan(Map.of(), List.of("ehco"), List.of()));
        assertEquals("E0001", e.diagnostic().code());
        assertTrue(e.getMessage().contains("did you mean `echo`"), e.getMessage());
        assertTrue(e.diagnostic().note().contains("echo, needs-key"));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void unknownRuntimeIsAnError() {
        ConformException e = assertThrows(ConformException.class, () -> plan(Map.of(), List.of(), List.of("node")));
        assertEquals("E0002", e.diagnostic().code());
        assertTrue(e.diagnostic().note().contains("js, python"));
    }

    @Test
    void selectingNothingIsAnError() {
        ConformException e =
                assertThrows(ConformException.class, () -> plan(Map.of(), List.of("needs-key"), List.of("python")));
        assertEquals("E0003", e.diagnostic().code());
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void aDeclaredPluginWithoutEntryIsSkippedAndWarned() {
        project.write(
                "conform.toml",
                TempProject.MINIMAL_CONFIG.replace(
                        "[conform.runtimes.python]", "[conform.runtimes.python]\nplugins = [\"echo\", \"needs-key\"]"));
        Plan plan = plan(Map.of("CONFORM_TEST_KEY", "k"), List.of("needs-key"), List.of());
        assertEquals(
                List.of(
                        "needs-key@js",
                        "needs-key@python skipped: no entry: " + project.path("entries/python/needs-key.py")),
                rows(plan));
        assertEquals("W0002", plan.warnings().get(0).code());
    }

    @Test
    void specWarningsReachThePlan() {
        project.write("specs/echo.yaml", "- model: e/m\n  supports: [multiturn, multiturn]\n");
        Plan plan = plan(Map.of(), List.of("echo"), List.of());
        assertEquals(1, plan.warnings().size(), "warned once although two runtimes share the file");
        assertTrue(plan.warnings().get(0).message().contains("listed twice"));
    }

    @Test
    void aBrokenSpecStopsPlanning() {
        project.write("specs/echo.yaml", "- model: e/m\n  tests: [{name: x}]\n");
        ConformException e = assertThrows(ConformException.class, () -> plan(Map.of(), List.of("echo"), List.of()));
        assertTrue(
                e.diagnostic().location().toString().contains("echo.yaml:2"),
                e.diagnostic().location().toString());
    }

    @Test
    void anEntryWithoutSpecIsNotPlanned() {
        project.write("entries/js/orphan.ts", "");
        assertFalse(rows(plan(Map.of(), List.of(), List.of())).stream().anyMatch(r -> r.startsWith("orphan")));
    }
}
