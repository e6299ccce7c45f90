package conform.config;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ConformException;
import conform.support.TempProject;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every setting has a sane maximum: beyond it is a typo or a unit mix-up, an error at its line, never a run. */
class SettingMaximumsTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private ConformConfig load(String key, String value) {
        project.write("conform.toml", "[conform]\n" + key + " = " + value + "\n[conform.runtimes.js]\n");
        return ConfigLoader.load(project.path("conform.toml"));
    }

    @ParameterizedTest(name = "{0} = {1} is the most")
    @CsvSource({
        "concurrency, 64",
        "test-concurrency, 32",
        "max-retries, 10",
        "retry-base-delay, 60.0",
        "action-timeout, 86400.0",
        "health-timeout, 86400",
        "startup-timeout, 86400"
    })
    void theMaximumIsAccepted(String key, String value) {
        Setting setting = Setting.byKey(key).orElseThrow();
        Number loaded =
                load(key, value).settingsFor(null, null, SettingLayer.EMPTY).value(setting);
        assertEquals(Double.parseDouble(value), loaded.doubleValue());
    }

    @ParameterizedTest(name = "{0} = {1} is too much")
    @CsvSource(
            delimiter = '|',
            value = {
                "concurrency | 65 | an integer from 1 to 64, got 65",
                "test-concurrency | 33 | an integer from 1 to 32, got 33",
                "max-retries | 11 | an integer from 0 to 10, got 11",
                "retry-base-delay | 61 | a number of seconds from 0 to 60, got 61",
                "action-timeout | 120000 | greater than 0 and at most 86400 (one day), got 120000",
                "health-timeout | 86400.5 | at most 86400 (one day), got 86400.5",
                "startup-timeout | inf | at most 86400 (one day), got Infinity",
                "concurrency | 9999999999 | an integer from 1 to 64, got 9999999999"
            })
    void beyondTheMaximumIsAnErrorAtItsLine(String key, String value, String says) {
        ConformException e = assertThrows(ConformException.class, () -> load(key, value));
        assertTrue(e.getMessage().contains("`conform." + key + "` must be "), e.getMessage());
        assertTrue(e.getMessage().endsWith(says), e.getMessage());
        assertEquals(2, e.diagnostic().location().line());
    }
}
