package conform.spec;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import conform.support.TempProject;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A validator's argument is checked when the spec loads: a stray, empty or unknown one is an error at its place. */
class ValidatorArgumentsTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private PluginSpec load(String validator) {
        project.write("specs/p.yaml", """
            - model: a/b
              tests:
                - input: {messages: [{role: user, content: [{text: hi}]}]}
                  validators: [text-not-empty, "%s"]
            """.formatted(validator));
        return SpecLoaderTest.LOADER.load("p", project.path("specs/p.yaml"));
    }

    private Diagnostic rejected(String validator) {
        ConformException e = assertThrows(ConformException.class, () -> load(validator));
        assertEquals(ExitCode.USAGE, e.exitCode());
        Diagnostic d = e.diagnostic();
        assertEquals(4, d.location().line(), d.toString());
        assertEquals(36, d.location().column(), d.toString());
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "valid-json:strict | `valid-json` takes no argument, got `strict`",
                "reasoning:x | `reasoning` takes no argument, got `x`",
                "text-not-empty:x | `text-not-empty` takes no argument, got `x`",
                "stream-valid-json:x | `stream-valid-json` takes no argument, got `x`",
                "valid-json: | `valid-json` takes no argument, got an empty one",
            })
    void aValidatorWithoutArgumentRejectsOne(String validator, String message) {
        Diagnostic d = rejected(validator);
        assertEquals(message, d.message());
        String name = validator.substring(0, validator.indexOf(':'));
        assertEquals("`" + name + "` takes no argument: write `" + name + "` alone", d.hint());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text-includes:", "text-starts-with: ", "has-tool-request:", "stream-text-includes:"})
    void anEmptyArgumentAfterTheColonIsAnError(String validator) {
        Diagnostic d = rejected(validator);
        String name = validator.substring(0, validator.indexOf(':'));
        assertEquals("`" + name + ":` has an empty argument", d.message());
        assertTrue(d.hint().startsWith("`" + name + "` takes an optional argument after a colon"), d.hint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "valid-media:imag | `valid-media` does not take `imag` (did you mean `image`?)",
                "valid-media:text | `valid-media` does not take `text`",
                "valid-media:Image | `valid-media` does not take `Image` (did you mean `image`?)",
            })
    void aMediaKindOutsideTheKnownOnesIsAnError(String validator, String message) {
        Diagnostic d = rejected(validator);
        assertEquals(message, d.message());
        assertEquals(
                "`valid-media` takes an optional argument after a colon (`valid-media:ARG`); ARG is the media kind,"
                        + " one of image, audio, video",
                d.hint());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "valid-media",
                "valid-media:image",
                "valid-media:audio",
                "valid-media:video",
                "text-includes:a:b",
                "has-tool-request:weather",
                "valid-json",
                "reasoning"
            })
    void argumentsTheValidatorTakesLoad(String validator) {
        assertEquals(
                validator,
                load(validator)
                        .suites()
                        .get(0)
                        .tests()
                        .get(0)
                        .validators()
                        .get(1)
                        .toString());
    }
}
