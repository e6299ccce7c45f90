package conform.spec;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ConformException;
import conform.diag.ExitCode;
import conform.support.TempProject;
import conform.validate.ValidatorRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecLoaderTest {

    static final ValidatorRegistry VALIDATORS = ValidatorRegistry.builtins();
    static final SpecLoader LOADER = new SpecLoader(BuiltinTests.load(VALIDATORS), VALIDATORS);
    private static final String HELLO = "{messages: [{role: user, content: [{text: hi}]}]}";

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private PluginSpec load(String yaml) {
        project.write("specs/p.yaml", yaml);
        return LOADER.load("p", project.path("specs/p.yaml"));
    }

    private ConformException fails(String yaml) {
        project.write("specs/p.yaml", yaml);
        return assertThrows(ConformException.class, () -> LOADER.load("p", project.path("specs/p.yaml")));
    }

    private static List<String> names(Suite suite) {
        return suite.tests().stream().map(TestCase::name).toList();
    }

    // --- counting and capability selection

    @Test
    void aSuiteWithNeitherSupportsNorTestsGetsTheDefaultNine() {
        PluginSpec spec = load("- model: a/b\n");
        assertEquals(9, spec.testCount());
        assertEquals(9, spec.builtinCount());
        assertEquals(
                BuiltinTests.DEFAULT_CAPABILITIES,
                spec.suites().get(0).tests().stream().map(TestCase::capability).toList());
    }

    @Test
    void supportsSelectsBuiltinsInTheGivenOrder() {
        PluginSpec spec = load("- model: a/b\n  supports: [system-role, multiturn]\n");
        assertEquals(
                List.of("System Role Conformance", "Multiturn Conformance"),
                names(spec.suites().get(0)));
    }

    @Test
    void anExplicitEmptySupportsListMeansNoBuiltins() {
        PluginSpec spec = load("- model: a/b\n  supports: []\n  tests:\n    - name: t\n      input: " + HELLO + "\n");
        assertEquals(0, spec.builtinCount());
        assertEquals(1, spec.customCount());
    }

    @Test
    void customTestsWithoutSupportsGetNoBuiltins() {
        PluginSpec spec = load("- model: a/b\n  tests:\n    - input: " + HELLO + "\n");
        assertEquals(List.of("Custom test 1"), names(spec.suites().get(0)));
    }

    @Test
    void builtinsComeBeforeCustomTests() {
        PluginSpec spec =
                load("- model: a/b\n  supports: [multiturn]\n  tests:\n    - name: mine\n      input: " + HELLO + "\n");
        assertEquals(
                List.of("Multiturn Conformance", "mine"), names(spec.suites().get(0)));
        assertTrue(spec.suites().get(0).tests().get(0).builtin());
        assertFalse(spec.suites().get(0).tests().get(1).builtin());
    }

    @Test
    void countsAddUpOverSuites() {
        PluginSpec spec = load("""
            - model: a/one
              supports: [multiturn, system-role, tool-request]
            - model: a/two
              supports: [multiturn]
              tests:
                - {name: x, input: %s}
                - {name: y, input: %s}
            """.formatted(HELLO, HELLO));
        assertEquals(6, spec.testCount());
        assertEquals(4, spec.builtinCount());
        assertEquals(2, spec.customCount());
        assertEquals(3, spec.suites().get(0).builtinCount());
        assertEquals(2, spec.suites().get(1).customCount());
    }

    @Test
    void aSingleMappingIsOneSuite() {
        PluginSpec spec = load("model: a/b\nsupports: [multiturn]\n");
        assertEquals(1, spec.suites().size());
        assertEquals("a/b", spec.suites().get(0).model());
    }

    @Test
    void jsonSpecsAreAccepted() {
        project.write("specs/p.json", "[{\"model\": \"a/b\", \"supports\": [\"multiturn\"]}]");
        assertEquals(1, LOADER.load("p", project.path("specs/p.json")).testCount());
    }

    @Test
    void anUnknownCapabilityIsAnErrorWithASuggestion() {
        // A typo would drop a test silently, and the run would pass without it.
        ConformException typo = assertThrows(
                ConformException.class, () -> load("- model: a/b\n  supports: [multiturn,\n    sytem-role]\n"));
        assertTrue(
                typo.getMessage().contains("unknown capability `sytem-role` (did you mean `system-role`?)"),
                typo.getMessage());
        assertEquals(3, typo.diagnostic().location().line());
        assertTrue(
                typo.diagnostic().hint().contains("conform list --capabilities"),
                typo.diagnostic().hint());
        assertThrows(
                ConformException.class,
                () -> load("- model: a/b\n  supports: [reasoning]\n"),
                "not a built-in capability");
    }

    @Test
    void aCapabilityListedTwiceRunsOnce() {
        PluginSpec spec = load("- model: a/b\n  supports: [multiturn, multiturn]\n");
        assertEquals(1, spec.testCount());
        assertEquals("W0203", spec.warnings().get(0).code());
    }

    @Test
    void aSuiteWithNoTestsIsWarned() {
        PluginSpec spec = load("- model: a/b\n  supports: []\n- model: a/c\n  supports: [multiturn]\n");
        assertEquals(1, spec.testCount());
        assertEquals("W0202", spec.warnings().get(0).code());
    }

    @Test
    void aSpecThatSelectsNoTestIsAnError() {
        for (String empty : List.of("[]\n", "- model: a/b\n  supports: []\n", "- model: a/b\n  tests: []\n")) {
            ConformException e = assertThrows(ConformException.class, () -> load(empty), empty);
            assertTrue(e.getMessage().contains("selects no tests"), e.getMessage());
            assertEquals(ExitCode.USAGE, e.exitCode());
        }
    }

    // --- custom tests

    @Test
    void readsACustomTest() {
        TestCase test = load("""
            - model: a/b
              tests:
                - name: Streams
                  stream: true
                  input:
                    messages: [{role: user, content: [{text: "Count to 3"}]}]
                    config: {temperature: 0}
                  validators: ["text-includes:a:b", text-not-empty]
            """).suites().get(0).tests().get(0);
        assertEquals("Streams", test.name());
        assertTrue(test.stream());
        assertNull(test.capability());
        assertEquals(
                List.of(new ValidatorRef("text-includes", "a:b"), new ValidatorRef("text-not-empty", null)),
                test.validators());
        assertEquals(0, test.input().get("config").get("temperature").asInt());
        assertEquals(3, test.location().line());
    }

    @Test
    void validatorsDefaultToNone() {
        assertEquals(
                List.of(),
                load("- model: a/b\n  tests:\n    - input: " + HELLO + "\n")
                        .suites()
                        .get(0)
                        .tests()
                        .get(0)
                        .validators());
    }

    @Test
    void unknownValidatorIsAnErrorAtItsLine() {
        ConformException e =
                fails("- model: a/b\n  tests:\n    - input: " + HELLO + "\n      validators: [text-include:x]\n");
        assertTrue(
                e.getMessage().contains("unknown validator `text-include` (did you mean `text-includes`?)"),
                e.getMessage());
        assertEquals(4, e.diagnostic().location().line());
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void aTestWithoutInputIsAnError() {
        ConformException e = fails("- model: a/b\n  tests:\n    - name: lonely\n      validators: [text-not-empty]\n");
        assertTrue(e.getMessage().contains("test \"lonely\" has no `input`"), e.getMessage());
        assertEquals(3, e.diagnostic().location().line());
    }

    @Test
    void aSuiteWithoutAModelIsAnError() {
        ConformException e = fails("- supports: [multiturn]\n");
        assertTrue(e.getMessage().contains("no `model`"), e.getMessage());
        assertEquals(1, e.diagnostic().location().line());
    }

    @Test
    void duplicateTestNamesAreAnError() {
        ConformException e = fails("- model: a/b\n  tests:\n    - {name: t, input: " + HELLO
                + "}\n    - {name: t, input: " + HELLO + "}\n");
        assertEquals("E0203", e.diagnostic().code());
        assertEquals(4, e.diagnostic().location().line());
    }

    @Test
    void aCustomTestMayNotReuseABuiltinName() {
        ConformException e =
                fails("- model: a/b\n  supports: [multiturn]\n  tests:\n    - {name: Multiturn Conformance, input: "
                        + HELLO + "}\n");
        assertTrue(e.getMessage().contains("two tests are named"), e.getMessage());
    }

    @Test
    void aModelWithTwoSuitesIsAnError() {
        ConformException e = fails("- model: a/b\n- model: c/d\n- model: a/b\n");
        assertTrue(e.getMessage().contains("`a/b` has two suites"), e.getMessage());
        assertEquals(3, e.diagnostic().location().line());
        assertTrue(e.diagnostic().note().contains(":1"), e.diagnostic().note());
    }

    @Test
    void unknownSuiteKeySuggestsTheClosest() {
        ConformException e = fails("- model: a/b\n  suports: [multiturn]\n");
        assertTrue(e.getMessage().contains("did you mean `supports`"), e.getMessage());
        assertEquals(2, e.diagnostic().location().line());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '^',
            value = {
                "stream is a string|- model: a/b\\n  tests:\\n    - {stream: 'yes', input: " + HELLO
                        + "}|`stream` must be true or false",
                "supports is a string|- model: a/b\\n  supports: multiturn|`supports` must be a list",
                "tests is a mapping|- model: a/b\\n  tests: {a: 1}|`tests` must be a list",
                "model is a number|- model: 42|`model` must be a non-empty string",
                "model is empty|- model: ''|`model` must be a non-empty string",
                "input is a list|- model: a/b\\n  tests:\\n    - input: [1]|`input` must be a mapping",
                "no messages|- model: a/b\\n  tests:\\n    - input: {config: {}}|`input.messages` must be a list",
                "empty messages|- model: a/b\\n  tests:\\n    - input: {messages: []}|must not be empty",
                "bad role|- model: a/b\\n"
                        + "  tests:\\n"
                        + "    - input: {messages: [{role: human, content: [{text: x}]}]}|unknown role \"human\"",
                "no content|- model: a/b\\n  tests:\\n    - input: {messages: [{role: user}]}|`content` must be a list",
                "two kinds in a part|- model: a/b\\n"
                        + "  tests:\\n"
                        + "    - input: {messages: [{role: user, content: [{text: x, reasoning: y}]}]}|exactly one of",
                "media without url|- model: a/b\\n"
                        + "  tests:\\n"
                        + "    - input: {messages: [{role: user, content: [{media: {contentType:"
                        + " image/png}}]}]}|`media.url`",
                "text is a number|- model: a/b\\n"
                        + "  tests:\\n"
                        + "    - input: {messages: [{role: user, content: [{text: 3}]}]}|`text` must be a string",
                "tool without name|- model: a/b\\n"
                        + "  tests:\\n"
                        + "    - input: {messages: [{role: user, content: [{text: x}]}], tools: [{description: d}]}|a"
                        + " tool's `name`",
                "request key typo|- model: a/b\\n  tests:\\n    - input: {mesages: []}|did you mean `messages`",
                "constrained not boolean|- model: a/b\\n"
                        + "  tests:\\n"
                        + "    - input: {messages: [{role: user, content: [{text: x}]}], output: {constrained:"
                        + " 1}}|`output.constrained`",
                "validator not a string|- model: a/b\\n  tests:\\n    - input: " + HELLO
                        + "\\n      validators: [{a: 1}]|a validator must be a non-empty string",
                "root is a scalar|just text|a spec must be a list of suites",
                "empty file||a spec must be a list of suites"
            })
    void rejectsBadShapes(String title, String yaml, String expected) {
        ConformException e = fails(yaml == null ? "" : yaml.replace("\\n", "\n"));
        assertTrue(e.getMessage().contains(expected), title + ": " + e.getMessage());
        assertNotNull(e.diagnostic().location(), "every spec error has a location");
        assertTrue(
                e.diagnostic().location().toString().contains("p.yaml"),
                e.diagnostic().location().toString());
    }

    @Test
    void specFilesAreFoundByExtension() {
        project.write("specs/a.yaml", "")
                .write("specs/b.yml", "")
                .write("specs/c.json", "")
                .write("specs/README.md", "")
                .write("specs/sub/d.yaml", "");
        assertEquals(
                List.of("a", "b", "c"),
                List.copyOf(SpecFiles.find(project.path("specs")).keySet()));
    }

    @Test
    void twoSpecFilesForOnePluginAreAnError() {
        project.write("specs/a.yaml", "").write("specs/a.json", "");
        ConformException e = assertThrows(ConformException.class, () -> SpecFiles.find(project.path("specs")));
        assertTrue(e.getMessage().contains("two spec files"), e.getMessage());
    }

    @Test
    void aMissingSpecsDirHasNoSpecs() {
        assertTrue(SpecFiles.find(project.path("nowhere")).isEmpty());
    }
}
