package conform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conform.support.TempProject;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CLI flag > model override > plugin override > global > default, for every key that each scope may set. */
class PrecedenceTest {

    private static ConformConfig config;

    @BeforeAll
    static void load() {
        try (TempProject project = TempProject.create().write("conform.toml", """
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
            """)) {
            config = ConfigLoader.load(project.path("conform.toml"));
        }
    }

    private static SettingLayer cli(Setting setting, Number value) {
        Map<Setting, Number> values = new EnumMap<>(Setting.class);
        values.put(setting, value);
        return SettingLayer.of(values);
    }

    /**
     * The setting resolved for the plugin and model (an empty cell is none), with the CLI flag set to the value in
     * its column (empty: no flag). Integer settings are compared as ints, the others as seconds.
     */
    @ParameterizedTest(name = "{0}: {4} of plugin {1}, model {2}, flag {3} is {5}")
    @CsvSource(
            delimiter = '|',
            value = {
                "default when nothing sets it                | other | other/m   |     | CONCURRENCY      | 8",
                "default when nothing sets it                | p     | p/model   |     | HEALTH_TIMEOUT   | 5.0",
                "global beats default                        | other | other/m   |     | TEST_CONCURRENCY | 4",
                "global beats default                        | other |           |     | MAX_RETRIES      | 3",
                "plugin override beats global                | p     | p/other   |     | TEST_CONCURRENCY | 2",
                "plugin override beats global                | p     | p/other   |     | ACTION_TIMEOUT   | 150.0",
                "plugin override beats global                | p     |           |     | STARTUP_TIMEOUT  | 90.0",
                "model override beats plugin override        | p     | p/model   |     | ACTION_TIMEOUT   | 200.0",
                "model override beats plugin override        | p     | p/model   |     | RETRY_BASE_DELAY | 0.25",
                "model override leaves it to the plugin's    | p     | p/model   |     | TEST_CONCURRENCY | 2",
                "model override leaves it to the global's    | p     | p/model   |     | MAX_RETRIES      | 3",
                "CLI flag beats every override               | p     | p/model   | 7   | TEST_CONCURRENCY | 7",
                "CLI flag beats every override               | p     | p/model   | 9.0 | ACTION_TIMEOUT   | 9.0",
                "CLI flag beats every override               | p     | p/model   | 0   | MAX_RETRIES      | 0",
                "overrides apply only to their plugin, model | other | p/model-2 |     | ACTION_TIMEOUT   | 100.0",
                "a model override applies without its plugin |       | p/model   |     | ACTION_TIMEOUT   | 200.0"
            })
    void resolves(String rule, String plugin, String model, String cliFlag, Setting setting, String expected) {
        SettingLayer flags = cliFlag == null ? SettingLayer.EMPTY : cli(setting, number(setting, cliFlag));
        Number actual = config.settingsFor(plugin, model, flags).value(setting);
        if (setting.kind.isInteger()) assertEquals(Integer.parseInt(expected), actual.intValue());
        else assertEquals(Double.parseDouble(expected), actual.doubleValue());
    }

    private static Number number(Setting setting, String text) {
        return setting.kind.isInteger() ? Integer.valueOf(text) : Double.valueOf(text);
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
