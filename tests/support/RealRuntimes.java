package conform.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that start real runtimes: the fixture runtimes are installed before the first test, and after
 * each test (after the class's own clean-up) no process this JVM started may still be alive.
 */
public final class RealRuntimes implements BeforeAllCallback, AfterEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Fixtures.ensureSetUp();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertEquals(List.of(), Fixtures.livingChildren(), "processes left behind");
    }
}
