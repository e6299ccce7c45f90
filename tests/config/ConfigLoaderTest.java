package conform.config;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import conform.diag.ConformException;
import conform.diag.ExitCode;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private ConformConfig load(String toml) {
        project.write("conform.toml", toml);
        return ConfigLoader.load(project.path("conform.toml"));
    }

    private ConformException loadFails(String toml) {
        project.write("conform.toml", toml);
        return assertThrows(ConformException.class, () -> ConfigLoader.load(project.path("conform.toml")));
    }

    private static final String RUNTIME = "\n[conform.runtimes.js]\n";

    // --- discovery

    @Test
    void locateWalksUpFromTheStartDirectory() {
        project.write("conform.toml", "[conform]" + RUNTIME).write("a/b/c/.keep", "");
        assertEquals(project.path("conform.toml"), ConfigLoader.locate(null, Map.of(), project.path("a/b/c"), null));
    }

    @Test
    void locatePrefersTheNearestFile() {
        project.write("conform.toml", "").write("a/conform.toml", "").write("a/b/.keep", "");
        assertEquals(project.path("a/conform.toml"), ConfigLoader.locate(null, Map.of(), project.path("a/b"), null));
    }

    @Test
    void locateUsesAnExplicitPathFirst() {
        project.write("conform.toml", "").write("other.toml", "");
        Map<String, String> env =
                Map.of("CONFORM_CONFIG", project.path("conform.toml").toString());
        assertEquals(
                project.path("other.toml"), ConfigLoader.locate(project.path("other.toml"), env, project.root(), null));
    }

    @Test
    void locateUsesTheEnvironmentVariableBeforeWalkingUp() {
        project.write("conform.toml", "").write("elsewhere/my.toml", "");
        Map<String, String> env =
                Map.of("CONFORM_CONFIG", project.path("elsewhere/my.toml").toString());
        assertEquals(project.path("elsewhere/my.toml"), ConfigLoader.locate(null, env, project.root(), null));
    }

    @Test
    void locateFallsBackToTheLaunchingCheckoutsOwnFile() {
        project.write("checkout/conform.toml", "").write("elsewhere/.keep", "");
        assertEquals(
                project.path("checkout/conform.toml"),
                ConfigLoader.locate(null, Map.of(), project.path("elsewhere"), project.path("checkout")));
    }

    @Test
    void locatePrefersAFileAboveTheCurrentDirectoryToTheCheckouts() {
        project.write("checkout/conform.toml", "")
                .write("work/conform.toml", "")
                .write("work/a/.keep", "");
        assertEquals(
                project.path("work/conform.toml"),
                ConfigLoader.locate(null, Map.of(), project.path("work/a"), project.path("checkout")));
    }

    @Test
    void locateNamesTheCheckoutItLookedInToo() {
        project.write("elsewhere/.keep", "").write("checkout/.keep", "");
        ConformException e = assertThrows(
                ConformException.class,
                () -> ConfigLoader.locate(null, Map.of(), project.path("elsewhere"), project.path("checkout")));
        assertTrue(e.getMessage().contains(project.path("checkout/conform.toml").toString()), e.getMessage());
    }

    @Test
    void locateReportsAMissingExplicitFile() {
        ConformException e = assertThrows(
                ConformException.class,
                () -> ConfigLoader.locate(project.path("nope.toml"), Map.of(), project.root(), null));
        assertEquals("E0100", e.diagnostic().code());
        assertTrue(e.getMessage().contains("nope.toml"));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void locateReportsWhereItSearched() {
        Path isolated = project.root().resolve("x");
        project.write("x/.keep", "");
        // The temp dir has no conform.toml above it (unless the machine's /tmp has one).
        ConformException e =
                assertThrows(ConformException.class, () -> ConfigLoader.locate(null, Map.of(), isolated, null));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        assertTrue(e.diagnostic().hint().contains("--config"));
    }

    // --- values

    @Test
    void readsEveryGlobalSetting() {
        ConformConfig c = load("""
            [conform]
            concurrency = 4
            test-concurrency = 2
            max-retries = 0
            retry-base-delay = 0.5
            action-timeout = 30
            health-timeout = 2.5
            startup-timeout = 60
            """ + RUNTIME);
        assertEquals(
                List.of(4, 2, 0, 0.5, 30.0, 2.5, 60.0), everySetting(c.settingsFor(null, null, SettingLayer.EMPTY)));
    }

    @Test
    void missingSettingsTakeTheDefaults() {
        assertEquals(
                List.of(8, 3, 2, 1.0, 120.0, 5.0, 30.0),
                everySetting(load("[conform]" + RUNTIME).settingsFor(null, null, SettingLayer.EMPTY)));
    }

    /** Each setting's value in declaration order (concurrency first, startup-timeout last): ints, else seconds. */
    private static List<Number> everySetting(SettingLayer s) {
        return Arrays.stream(Setting.values())
                .map(setting -> setting.kind.isInteger()
                        ? (Number) s.value(setting).intValue()
                        : (Number) s.value(setting).doubleValue())
                .toList();
    }

    @Test
    void readsTheEnvTable() {
        ConformConfig c = load("[conform]\n[conform.env]\na = [\"A_KEY\", \"A_REGION\"]\nb = []\n" + RUNTIME);
        assertEquals(List.of("A_KEY", "A_REGION"), c.requiredEnv("a"));
        assertEquals(List.of(), c.requiredEnv("b"));
        assertEquals(List.of(), c.requiredEnv("unlisted"));
    }

    @Test
    void emptyEnvValuesCountAsMissing() {
        ConformConfig c = load("[conform]\n[conform.env]\na = [\"A_KEY\", \"A_REGION\"]\n" + RUNTIME);
        assertEquals(List.of("A_KEY"), c.missingEnv("a", Map.of("A_KEY", "", "A_REGION", "eu")));
        assertEquals(List.of("A_KEY", "A_REGION"), c.missingEnv("a", Map.of()));
        assertEquals(List.of(), c.missingEnv("a", Map.of("A_KEY", "k", "A_REGION", "eu")));
    }

    @Test
    void readsPluginAndModelOverrides() {
        ConformConfig c = load("""
            [conform]
            [conform.plugin-overrides.slow]
            test-concurrency = 1
            action-timeout = 180.0
            [conform.model-overrides."vendor/model-x"]
            action-timeout = 240
            """ + RUNTIME);
        assertEquals(
                1,
                c.pluginOverrides().get("slow").value(Setting.TEST_CONCURRENCY).intValue());
        assertEquals(
                240.0,
                c.modelOverrides()
                        .get("vendor/model-x")
                        .value(Setting.ACTION_TIMEOUT)
                        .doubleValue());
    }

    @ParameterizedTest(name = "{0} = {1} is rejected")
    @CsvSource(
            delimiter = '|',
            value = {
                "concurrency|0",
                "concurrency|-3",
                "concurrency|2.5",
                "concurrency|true",
                "concurrency|\"eight\"",
                "test-concurrency|0",
                "max-retries|-1",
                "max-retries|1.5",
                "retry-base-delay|-0.1",
                "action-timeout|0",
                "action-timeout|-5",
                "health-timeout|0.0",
                "startup-timeout|false",
                "startup-timeout|[1]"
            })
    void rejectsInvalidValuesNamingKeyFileAndLine(String key, String value) {
        ConformException e = loadFails("[conform]\n\n" + key + " = " + value + "\n" + RUNTIME);
        assertEquals("E0102", e.diagnostic().code());
        assertTrue(e.getMessage().contains("`conform." + key + "`"), e.getMessage());
        assertEquals(3, e.diagnostic().location().line(), "line of the bad value");
        assertTrue(
                e.diagnostic().location().toString().contains("conform.toml:3"),
                e.diagnostic().location().toString());
    }

    @Test
    void anUnknownTopLevelTableIsAnErrorWithTheClosestName() {
        ConformException e = loadFails("[conform]\n\n[conformm]\nconcurrency = 2\n" + RUNTIME);
        assertEquals(
                "unknown table `[conformm]` (did you mean `[conform]`?)",
                e.diagnostic().message());
        assertEquals(3, e.diagnostic().location().line());
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void aKeyAboveTheConformTableIsAnError() {
        ConformException e = loadFails("concurrency = 2\n[conform]\n" + RUNTIME);
        assertEquals(
                "`concurrency` stands outside the [conform] table",
                e.diagnostic().message());
        assertEquals(1, e.diagnostic().location().line());
    }

    @Test
    void aFileThatIsNotUtf8IsAnErrorAtTheByte() throws Exception {
        byte[] latin1 = "[conform]\n# caf\u00e9 au lait\n[conform.runtimes.js]\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(project.path("conform.toml"), latin1);
        ConformException e =
                assertThrows(ConformException.class, () -> ConfigLoader.load(project.path("conform.toml")));
        assertEquals(
                "conform.toml is not valid UTF-8: byte 0xE9 at line 2",
                e.diagnostic().message());
        assertEquals(2, e.diagnostic().location().line());
        assertEquals(6, e.diagnostic().location().column());
    }

    @Test
    void zeroRetriesAndZeroDelayAreValid() {
        SettingLayer s = load("[conform]\nmax-retries = 0\nretry-base-delay = 0\n" + RUNTIME)
                .settingsFor(null, null, SettingLayer.EMPTY);
        assertEquals(0, s.value(Setting.MAX_RETRIES).intValue());
        assertEquals(0.0, s.value(Setting.RETRY_BASE_DELAY).doubleValue());
    }

    @Test
    void unknownKeySuggestsTheClosest() {
        ConformException e = loadFails("[conform]\nconcurency = 3\n" + RUNTIME);
        assertEquals("E0103", e.diagnostic().code());
        assertTrue(e.getMessage().contains("did you mean `concurrency`"), e.getMessage());
        assertEquals(2, e.diagnostic().location().line());
    }

    @Test
    void concurrencyCannotBeOverriddenPerPlugin() {
        ConformException e = loadFails("[conform]\n[conform.plugin-overrides.p]\nconcurrency = 2\n" + RUNTIME);
        assertEquals("E0103", e.diagnostic().code());
        assertTrue(e.getMessage().contains("plugin-overrides.p.concurrency"), e.getMessage());
    }

    @Test
    void tomlSyntaxErrorsGiveLineAndColumn() {
        ConformException e = loadFails("[conform]\nconcurrency = = 3\n");
        assertEquals("E0101", e.diagnostic().code());
        assertEquals(2, e.diagnostic().location().line());
        assertTrue(e.diagnostic().location().column() > 0);
    }

    @Test
    void aConformTableIsRequired() {
        ConformException e = loadFails("[tool.other]\nx = 1\n");
        assertEquals("E0104", e.diagnostic().code());
        assertTrue(e.getMessage().contains("[conform]"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a = [1, 2]|a list of strings",
                "a = \"KEY\"|a list of strings",
                "a = [\"not a name\"]|environment variable names"
            })
    void envEntriesMustBeListsOfVariableNames(String line, String expected) {
        ConformException e = loadFails("[conform]\n[conform.env]\n" + line + "\n" + RUNTIME);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(3, e.diagnostic().location().line());
    }

    /** Configs that fail to load, each with what its message must say. */
    static Stream<Arguments> rejectedConfigs() {
        return Stream.of(
                arguments(
                        "startup-timeout cannot be overridden per model",
                        "[conform]\n[conform.model-overrides.\"m\"]\nstartup-timeout = 2\n" + RUNTIME,
                        "unknown key"),
                arguments(
                        "an invalid override value is an error, not a fallback",
                        "[conform]\n[conform.plugin-overrides.p]\ntest-concurrency = 0\n" + RUNTIME,
                        "`conform.plugin-overrides.p.test-concurrency` must be an integer from 1 to 32, got 0"),
                arguments(
                        "an override must be a table",
                        "[conform]\n[conform.plugin-overrides]\np = 3\n" + RUNTIME,
                        "must be a table"),
                arguments("at least one runtime is required", "[conform]\nconcurrency = 2\n", "no runtimes configured"),
                arguments(
                        "entry-file must contain the plugin placeholder",
                        "[conform]\n[conform.runtimes.js]\nentry-file = \"entry.ts\"\n",
                        "{plugin}"),
                arguments(
                        "entry-command must not be empty",
                        "[conform]\n[conform.runtimes.js]\nentry-command = []\n",
                        "non-empty argv"),
                arguments(
                        "an unknown runtime key is an error",
                        "[conform]\n[conform.runtimes.js]\nentry-comand = [\"node\"]\n",
                        "did you mean `entry-command`"),
                arguments("runtime names are checked", "[conform]\n[conform.runtimes.\"Node JS\"]\n", "lower-case"),
                arguments(
                        "a transport is v1, v2 or auto",
                        "[conform]\n[conform.runtimes.js]\ntransport = \"websocket\"\n",
                        "`conform.runtimes.js.transport` must be \"auto\", \"v1\" or \"v2\", got"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedConfigs")
    void rejectsWithAMessageThatSaysWhy(String rule, String toml, String says) {
        ConformException e = loadFails(toml);
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    // --- runtimes

    @Test
    void knownRuntimesGetConventionalDefaults() {
        ConformConfig c = load("[conform]\n[conform.runtimes.js]\n[conform.runtimes.python]\n[conform.runtimes.go]\n");
        RuntimeConfig js = c.runtimes().get("js");
        assertEquals(project.path("entries/js"), js.entriesDir());
        assertEquals(js.entriesDir(), js.cwd(), "cwd defaults to the entries dir");
        assertEquals(project.path("specs"), js.specsDir());
        assertEquals("{plugin}.ts", js.entryFile());
        assertEquals("{plugin}.py", c.runtimes().get("python").entryFile());
        assertEquals("{plugin}/main.go", c.runtimes().get("go").entryFile());
        assertEquals(List.of("js", "python", "go"), List.copyOf(c.runtimes().keySet()), "file order is kept");
    }

    @Test
    void aReplacedEntryCommandDropsTheDefaultBuildOfWhatItNoLongerRuns() {
        ConformConfig defaults = load("[conform]\n[conform.runtimes.js]\n[conform.runtimes.go]\n");
        assertEquals(
                List.of("npm", "node_modules/.bin/esbuild"),
                programs(defaults.runtimes().get("js")),
                "install, then bundle each entry");
        ConformConfig replaced = load("""
            [conform]
            [conform.runtimes.js]
            entry-command = ["node", "--import", "tsx", "{entry}"]
            [conform.runtimes.go]
            entry-command = ["bin/{plugin}", "--verbose"]
            """);
        assertEquals(
                List.of("npm"),
                programs(replaced.runtimes().get("js")),
                "tsx runs the entry itself: no bundle to build");
        assertEquals(
                List.of("go"),
                programs(replaced.runtimes().get("go")),
                "the command still runs the built binary, so it is still built");
        ConformConfig explicit = load("[conform]\n"
                + "[conform.runtimes.js]\n"
                + "entry-command = [\"deno\", \"{entry}\"]\n"
                + "setup = [{run = [\"true\"]}]\n");
        assertEquals(List.of("true"), programs(explicit.runtimes().get("js")), "an explicit setup is taken as it is");
    }

    private static List<String> programs(RuntimeConfig rt) {
        return rt.setup().stream().map(step -> step.run().get(0)).toList();
    }

    @Test
    void pathsResolveAgainstTheConfigFileDirectory() {
        project.write("shared-specs/p.yaml", "")
                .write("sub/rt/package.json", "")
                .write("entries/x.ts", "");
        project.write("sub/conform.toml", """
            [conform]
            specs-dir = "../shared-specs"
            [conform.runtimes.js]
            cwd = "rt"
            entries-dir = "%s"
            """.formatted(project.path("entries")));
        ConformConfig c = ConfigLoader.load(project.path("sub/conform.toml"));
        RuntimeConfig js = c.runtimes().get("js");
        assertEquals(project.path("shared-specs"), js.specsDir());
        assertEquals(project.path("sub/rt"), js.cwd());
        assertEquals(project.path("entries"), js.entriesDir());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"specs-dir", "genkit-cli", "runtimes.js.specs-dir", "runtimes.js.cwd", "runtimes.js.entries-dir"
            })
    void aDirectoryTheFileNamesMustExist(String key) {
        String name = key.substring(key.lastIndexOf('.') + 1);
        String global = key.contains(".") ? "" : name + " = \"%s\"\n";
        String runtime = key.contains(".") ? name + " = \"%s\"\n" : "";
        String toml = "[conform]\n" + global + "[conform.runtimes.js]\n" + runtime;
        project.write("a-file", "");
        ConformException missing = loadFails(toml.formatted("nowhere"));
        assertEquals(
                "`conform." + key + "` names " + project.path("nowhere") + ", which does not exist",
                missing.diagnostic().message());
        assertEquals(key.contains(".") ? 3 : 2, missing.diagnostic().location().line());
        ConformException file = loadFails(toml.formatted("a-file"));
        assertTrue(file.getMessage().endsWith("which is not a directory"), file.getMessage());
    }

    @Test
    void aRuntimeMayChooseItsTransportAndTheFlagChoosesForEvery() {
        ConformConfig c = load("[conform]\n[conform.runtimes.js]\n[conform.runtimes.python]\ntransport = \"v1\"\n");
        assertEquals(Transport.AUTO, c.runtimes().get("js").transport(), "v2 where the runtime has it");
        assertEquals(Transport.V1, c.runtimes().get("python").transport());
        ConformConfig flagged = c.withTransport(Transport.V2);
        assertEquals(Transport.V2, flagged.runtimes().get("js").transport());
        assertEquals(Transport.V2, flagged.runtimes().get("python").transport());
    }

    @Test
    void theGenkitCliProjectIsBesideTheFileUnlessTheFileSaysWhere() {
        assertEquals(
                project.path("entries/genkit-cli"), load("[conform]" + RUNTIME).genkitCli());
        project.write("elsewhere/cli/package.json", "{}");
        assertEquals(
                project.path("elsewhere/cli"),
                load("[conform]\ngenkit-cli = \"elsewhere/cli\"" + RUNTIME).genkitCli());
    }

    @Test
    void aRuntimeMayHaveItsOwnSpecsDir() {
        project.write("js-specs/p.yaml", "");
        ConformConfig c = load("[conform]\n[conform.runtimes.js]\nspecs-dir = \"js-specs\"\n[conform.runtimes.go]\n");
        assertEquals(project.path("js-specs"), c.runtimes().get("js").specsDir());
        assertEquals(project.path("specs"), c.runtimes().get("go").specsDir());
    }

    @Test
    void anUnknownRuntimeMustSayHowToFindAndStartEntries() {
        ConformException e = loadFails("[conform]\n[conform.runtimes.dart]\n");
        assertTrue(e.getMessage().contains("entry-file"), e.getMessage());
        ConformConfig ok = load("[conform]\n"
                + "[conform.runtimes.dart]\n"
                + "entry-file = \"{plugin}.dart\"\n"
                + "entry-command = [\"dart\", \"run\", \"{entry}\"]\n");
        assertEquals(
                List.of("dart", "run", project.path("entries/dart/x.dart").toString()),
                ok.runtimes().get("dart").publishedCommand("x"));
    }

    @Test
    void declaredPluginsAreRead() {
        ConformConfig c = load("[conform]\n[conform.runtimes.go]\nplugins = [\"anthropic\", \"ollama\"]\n");
        assertEquals(List.of("anthropic", "ollama"), c.runtimes().get("go").plugins());
    }

    private static Optional<KnownFailure> known(ConformConfig c, TestId id) {
        return c.knownFailures().stream().filter(k -> k.matches(id)).findFirst();
    }

    @Test
    void readsKnownFailuresWithGlobs() {
        ConformConfig c = load("[conform]\n"
                + "[[conform.known-failures]]\n"
                + "plugin = \"p\"\n"
                + "runtime = \"go\"\n"
                + "test = \"Structured*\"\n"
                + "reason = \"bug 1\"\n"
                + "[[conform.known-failures]]\n"
                + "plugin = \"q\"\n"
                + "model = \"q/*-mini\"\n"
                + "reason = \"bug 2\"\n"
                + RUNTIME
                + "[conform.runtimes.go]\n");
        assertEquals(
                "bug 1",
                known(c, new TestId("p", "go", "p/m", "Structured Output Conformance with streaming"))
                        .orElseThrow()
                        .reason());
        assertTrue(
                known(c, new TestId("p", "js", "p/m", "Structured Output Conformance"))
                        .isEmpty(),
                "another runtime");
        assertTrue(
                known(c, new TestId("p", "go", "p/m", "Multiturn Conformance")).isEmpty(), "another test");
        assertEquals(
                "bug 2",
                known(c, new TestId("q", "python", "q/gpt-mini", "anything"))
                        .orElseThrow()
                        .reason());
        assertTrue(known(c, new TestId("q", "python", "q/gpt", "anything")).isEmpty());
    }

    @Test
    void aKnownFailureNeedsAPluginAndAReason() {
        ConformException e = loadFails("[conform]\n[[conform.known-failures]]\nplugin = \"p\"\n" + RUNTIME);
        assertTrue(e.getMessage().contains("a known failure with a `plugin` and a `reason`"), e.getMessage());
        assertEquals(2, e.diagnostic().location().line());
        ConformException typo = loadFails(
                "[conform]\n[[conform.known-failures]]\nplugin = \"p\"\nreason = \"r\"\ntests = \"x\"\n" + RUNTIME);
        assertTrue(typo.getMessage().contains("did you mean `test`"), typo.getMessage());
    }

    @Test
    void emulateTablesAreChecked() {
        ConformConfig c = load(
                "[conform]\n[conform.emulate]\nx = \"openai\"\n[conform.not-emulated]\ny = \"no dialect\"\n" + RUNTIME);
        assertEquals(EmulatorDialect.OPENAI, c.emulate().get("x"));
        assertEquals("no dialect", c.notEmulated().get("y"));
        ConformException e = loadFails("[conform]\n[conform.emulate]\nx = \"cohere\"\n" + RUNTIME);
        assertTrue(e.getMessage().contains("an emulator dialect"), e.getMessage());
    }

    @Test
    void theShippedConfigLoads() {
        Path repo = RepoRoot.find();
        ConformConfig c = ConfigLoader.load(repo.resolve("conform.toml"));
        assertEquals(List.of("js", "python", "go"), List.copyOf(c.runtimes().keySet()));
        assertEquals(13, c.env().size(), "one [conform.env] entry per shipped plugin");
    }
}
