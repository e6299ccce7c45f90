package conform.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conform.config.Transport;
import conform.diag.ExitCode;
import conform.redact.Redactor;
import conform.support.CliRun;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real entry registers up front exactly the models its session names (CONFORM_MODELS), and none when it names none:
 * the Go google-genai entry, whose provider cannot be reached, so nothing is listed but what it was asked for.
 */
@ExtendWith(RealRuntimes.class)
class EntriesRegisterGivenModelsTest {

    @RegisterExtension
    private final TempProject work = TempProject.create();

    private static final String MODEL = "googleai/conform-given-model";

    private boolean lists(Set<String> models) throws Exception {
        Path go = RepoRoot.find().resolve("entries/go");
        Launch launch = new Launch(
                List.of("bin/google-genai"),
                go,
                // A closed port: the plugin's own model list cannot be fetched.
                Map.of("GEMINI_API_KEY", "conform-test-key", "GOOGLE_GEMINI_BASE_URL", "http://127.0.0.1:1"),
                work.path("google-genai.log"),
                models,
                true,
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                Redactor.fromEnvironment(Map.of(), List.of()),
                Transport.AUTO);
        try (RuntimeSession session = RuntimeSession.start(launch, note -> {})) {
            return session.actions(Duration.ofSeconds(30)).has("/model/" + MODEL);
        }
    }

    @Test
    void theModelsASessionNamesAreListedAtOnceAndNoOthers() throws Exception {
        CliRun.withProcessEnvironment(RepoRoot.find(), "setup", "--runtime", "go")
                .expect(ExitCode.OK);
        assertTrue(lists(Set.of(MODEL)), "registered up front when named");
        assertFalse(lists(Set.of()), "not registered when no model is named");
    }
}
