package conform.config;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ConformException;
import conform.support.TempProject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a [[conform.known-failures]] record says it expects: its statuses and its error glob. */
class KnownFailureRecordTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private KnownFailure only(String record) {
        project.write("conform.toml", "[conform]\n[[conform.known-failures]]\n" + record + "\n[conform.runtimes.js]\n");
        return ConfigLoader.load(project.path("conform.toml")).knownFailures().get(0);
    }

    @Test
    void aRecordCoversFailedAloneUnlessItSaysMore() {
        KnownFailure plain = only("plugin = \"p\"\nreason = \"r\"");
        assertEquals(Set.of("failed"), plain.statuses());
        assertNull(plain.error());
        assertTrue(plain.expects("failed", "anything"));
        assertFalse(plain.expects("error", "connection refused"), "an error is never a known failure by default");
        assertFalse(plain.expects("timeout", null));
        KnownFailure errors = only("plugin = \"p\"\nstatuses = [\"error\", \"timeout\"]\nreason = \"r\"");
        assertTrue(errors.expects("error", "x") && errors.expects("timeout", "y"));
        assertFalse(errors.expects("failed", "z"));
    }

    @Test
    void aRecordsRuntimeMustBeAConfiguredOne() {
        ConformException e =
                assertThrows(ConformException.class, () -> only("plugin = \"p\"\nruntime = \"jss\"\nreason = \"r\""));
        assertTrue(
                e.getMessage().contains("must be a configured runtime (js) (did you mean `js`?), got \"jss\""),
                e.getMessage());
        assertEquals(4, e.diagnostic().location().line());
    }

    @Test
    void aRecordMayHoldOnlyUnderTheEmulator() {
        assertFalse(only("plugin = \"p\"\nreason = \"r\"").emulatedOnly());
        assertTrue(only("plugin = \"p\"\nemulated-only = true\nreason = \"r\"").emulatedOnly());
        assertThrows(ConformException.class, () -> only("plugin = \"p\"\nemulated-only = \"yes\"\nreason = \"r\""));
    }

    @Test
    void theErrorGlobMustMatchTheWholeMessageAcrossLines() {
        KnownFailure k = only("plugin = \"p\"\nerror = \"valid-json: *\\\"data\\\"*\"\nreason = \"r\"");
        assertTrue(k.expects("failed", "valid-json: Model did not return text. Content: [\n {\"data\": 1}\n]"));
        assertFalse(k.expects("failed", "valid-json: no data part"), "the quoted word is not there");
        assertFalse(k.expects("failed", "prefix valid-json: \"data\""), "the glob is anchored at the start");
        assertEquals("failed with an error matching `valid-json: *\"data\"*`", k.expectation());
    }

    @Test
    void statusesOutsideTheFailingOnesAreRejectedAtTheirLine() {
        ConformException e = assertThrows(
                ConformException.class, () -> only("plugin = \"p\"\nstatuses = [\"passed\"]\nreason = \"r\""));
        assertTrue(
                e.getMessage()
                        .contains("`conform.known-failures.0.statuses` must be a non-empty list of failed, error,"
                                + " timeout"),
                e.getMessage());
        assertEquals(4, e.diagnostic().location().line(), "the line of `statuses` itself");
        assertThrows(ConformException.class, () -> only("plugin = \"p\"\nstatuses = []\nreason = \"r\""));
        assertThrows(ConformException.class, () -> only("plugin = \"p\"\nerror = 7\nreason = \"r\""));
    }
}
