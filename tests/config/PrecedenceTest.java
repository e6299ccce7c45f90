package conform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conform.support.TempProject;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    private static SettingLayer cli(Setting setting, Number value) {
        Map<Setting, Number> values = new EnumMap<>(Setting.class);
        values.put(setting, value);
        return SettingLayer.of(values);
    }

    @Test
    void defaultWhenNothingSetsIt() {
        assertEquals(
                8,
                config.settingsFor("other", "other/m", SettingLayer.EMPTY)
                        .value(Setting.CONCURRENCY)
                        .intValue());
        assertEquals(
                5.0,
                config.settingsFor("p", "p/model", SettingLayer.EMPTY)
                        .value(Setting.HEALTH_TIMEOUT)
                        .doubleValue());
    }

    @Test
    void globalBeatsDefault() {
        assertEquals(
                4,
                config.settingsFor("other", "other/m", SettingLayer.EMPTY)
                        .value(Setting.TEST_CONCURRENCY)
                        .intValue());
        assertEquals(
                3,
                config.settingsFor("other", null, SettingLayer.EMPTY)
                        .value(Setting.MAX_RETRIES)
                        .intValue());
    }

    @Test
    void pluginOverrideBeatsGlobal() {
        assertEquals(
                2,
                config.settingsFor("p", "p/other", SettingLayer.EMPTY)
                        .value(Setting.TEST_CONCURRENCY)
                        .intValue());
        assertEquals(
                150.0,
                config.settingsFor("p", "p/other", SettingLayer.EMPTY)
                        .value(Setting.ACTION_TIMEOUT)
                        .doubleValue());
        assertEquals(
                90.0,
                config.settingsFor("p", null, SettingLayer.EMPTY)
                        .value(Setting.STARTUP_TIMEOUT)
                        .doubleValue());
    }

    @Test
    void modelOverrideBeatsPluginOverride() {
        assertEquals(
                200.0,
                config.settingsFor("p", "p/model", SettingLayer.EMPTY)
                        .value(Setting.ACTION_TIMEOUT)
                        .doubleValue());
        assertEquals(
                0.25,
                config.settingsFor("p", "p/model", SettingLayer.EMPTY)
                        .value(Setting.RETRY_BASE_DELAY)
                        .doubleValue());
    }

    @Test
    void modelOverrideLeavesOtherKeysToLowerLayers() {
        SettingLayer s = config.settingsFor("p", "p/model", SettingLayer.EMPTY);
        assertEquals(2, s.value(Setting.TEST_CONCURRENCY).intValue(), "from the plugin override");
        assertEquals(3, s.value(Setting.MAX_RETRIES).intValue(), "from the global table");
    }

    @Test
    void cliFlagBeatsEveryOverride() {
        assertEquals(
                7,
                config.settingsFor("p", "p/model", cli(Setting.TEST_CONCURRENCY, 7))
                        .value(Setting.TEST_CONCURRENCY)
                        .intValue());
        assertEquals(
                9.0,
                config.settingsFor("p", "p/model", cli(Setting.ACTION_TIMEOUT, 9.0))
                        .value(Setting.ACTION_TIMEOUT)
                        .doubleValue());
        assertEquals(
                0,
                config.settingsFor("p", "p/model", cli(Setting.MAX_RETRIES, 0))
                        .value(Setting.MAX_RETRIES)
                        .intValue());
    }

    @Test
    void overridesApplyOnlyToTheirPluginAndModel() {
        assertEquals(
                100.0,
                config.settingsFor("other", "p/model-2", SettingLayer.EMPTY)
                        .value(Setting.ACTION_TIMEOUT)
                        .doubleValue());
    }

    @Test
    void aModelOverrideAppliesEvenWithoutItsPlugin() {
        assertEquals(
                200.0,
                config.settingsFor(null, "p/model", SettingLayer.EMPTY)
                        .value(Setting.ACTION_TIMEOUT)
                        .doubleValue());
    }

    @Test
    void layersStackWithoutMutatingEachOther() {
        SettingLayer low = cli(Setting.MAX_RETRIES, 1);
        SettingLayer high = cli(Setting.TEST_CONCURRENCY, 5);
        SettingLayer both = high.over(low);
        assertEquals(1, both.value(Setting.MAX_RETRIES).intValue());
        assertEquals(5, both.value(Setting.TEST_CONCURRENCY).intValue());
        assertEquals(2, high.value(Setting.MAX_RETRIES).intValue(), "the upper layer alone falls back to the default");
        assertEquals(SettingLayer.EMPTY, SettingLayer.EMPTY.over(SettingLayer.EMPTY));
    }
}
