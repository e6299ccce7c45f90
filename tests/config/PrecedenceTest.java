package conform.config;

import conform.support.TempProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CLI flag > model override > plugin override > global > default, for every key that each scope may set. */
class PrecedenceTest {

    private static TempProject project;
    private static ConformConfig config;

    @BeforeAll
    static void load() {
        project = TempProject.create().write("conform.toml", """
                [conform]
                test-concurrency = 4
                action-timeout = 100
                max-retries = 3

                [conform.plugin-overrides.p]
                test-concurrency = 2
                action-timeout = 150
                startup-timeout = 90

                [conform.model-overrides."p/model"]
                action-timeout = 200
                retry-base-delay = 0.25

                [conform.runtimes.js]
                """);
        config = ConfigLoader.load(project.path("conform.toml"));
    }

    @AfterAll
    static void cleanUp() {
        project.close();
    }

    private static Settings cli(Setting setting, Number value) {
        Map<Setting, Number> values = new EnumMap<>(Setting.class);
        values.put(setting, value);
        return Settings.of(values);
    }

    @Test
    void defaultWhenNothingSetsIt() {
        assertEquals(8, config.settingsFor("other", "other/m", Settings.EMPTY).concurrency());
        assertEquals(5.0, config.settingsFor("p", "p/model", Settings.EMPTY).healthTimeoutSeconds());
    }

    @Test
    void globalBeatsDefault() {
        assertEquals(4, config.settingsFor("other", "other/m", Settings.EMPTY).testConcurrency());
        assertEquals(3, config.settingsFor("other", null, Settings.EMPTY).maxRetries());
    }

    @Test
    void pluginOverrideBeatsGlobal() {
        assertEquals(2, config.settingsFor("p", "p/other", Settings.EMPTY).testConcurrency());
        assertEquals(150.0, config.settingsFor("p", "p/other", Settings.EMPTY).actionTimeoutSeconds());
        assertEquals(90.0, config.settingsFor("p", null, Settings.EMPTY).startupTimeoutSeconds());
    }

    @Test
    void modelOverrideBeatsPluginOverride() {
        assertEquals(200.0, config.settingsFor("p", "p/model", Settings.EMPTY).actionTimeoutSeconds());
        assertEquals(0.25, config.settingsFor("p", "p/model", Settings.EMPTY).retryBaseDelaySeconds());
    }

    @Test
    void modelOverrideLeavesOtherKeysToLowerLayers() {
        Settings s = config.settingsFor("p", "p/model", Settings.EMPTY);
        assertEquals(2, s.testConcurrency(), "from the plugin override");
        assertEquals(3, s.maxRetries(), "from the global table");
    }

    @Test
    void cliFlagBeatsEveryOverride() {
        assertEquals(7, config.settingsFor("p", "p/model", cli(Setting.TEST_CONCURRENCY, 7)).testConcurrency());
        assertEquals(9.0, config.settingsFor("p", "p/model", cli(Setting.ACTION_TIMEOUT, 9.0)).actionTimeoutSeconds());
        assertEquals(0, config.settingsFor("p", "p/model", cli(Setting.MAX_RETRIES, 0)).maxRetries());
    }

    @Test
    void overridesApplyOnlyToTheirPluginAndModel() {
        assertEquals(100.0, config.settingsFor("other", "p/model-2", Settings.EMPTY).actionTimeoutSeconds());
    }

    @Test
    void aModelOverrideAppliesEvenWithoutItsPlugin() {
        assertEquals(200.0, config.settingsFor(null, "p/model", Settings.EMPTY).actionTimeoutSeconds());
    }

    @Test
    void layersStackWithoutMutatingEachOther() {
        Settings low = cli(Setting.MAX_RETRIES, 1);
        Settings high = cli(Setting.TEST_CONCURRENCY, 5);
        Settings both = high.over(low);
        assertEquals(1, both.maxRetries());
        assertEquals(5, both.testConcurrency());
        assertEquals(2, high.maxRetries(), "the upper layer alone falls back to the default");
        assertEquals(Settings.EMPTY, Settings.EMPTY.over(Settings.EMPTY));
    }
}
