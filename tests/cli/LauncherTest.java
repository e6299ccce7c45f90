package conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.TempProject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How conform knows the command that started it, and the checkout behind it. */
class LauncherTest {

    @RegisterExtension
    private final TempProject project = TempProject.standard();

    @Test
    void startedAnyOtherWayConformIsPlainConform() {
        assertEquals("conform", Launcher.prefix(Map.of()));
        CliRun completion = CliRun.run(project.root(), Map.of(), "completion", "bash");
        assertFalse(completion.out().contains("alias conform="), completion.toString());
    }

    @Test
    void theBootstrapSaysWhatWasTypedAndItsCheckout() {
        Map<String, String> env =
                Map.of(Launcher.PREFIX_VARIABLE, "./jbang conform", Launcher.CHECKOUT_VARIABLE, "/work/my checkout");
        assertEquals("./jbang conform", Launcher.prefix(env));
        CliRun.run(project.root(), env, "completion", "bash")
                .expect(ExitCode.OK)
                .expectOut("\nalias conform=''\\''/work/my checkout/jbang'\\'' conform'\n");
    }

    @Test
    void theCatalogAliasSaysItThroughSystemProperties() {
        System.setProperty(Launcher.PREFIX_PROPERTY, "jbang conform@genkit");
        try {
            assertEquals("jbang conform@genkit", Launcher.prefix(Map.of()));
            assertEquals(
                    "./jbang conform",
                    Launcher.prefix(Map.of(Launcher.PREFIX_VARIABLE, "./jbang conform")),
                    "the bootstrap knows best: it saw the words typed");
            CliRun.run(project.root(), Map.of(), "completion", "bash")
                    .expectOut("\nalias conform='jbang conform@genkit'\n");
        } finally {
            System.clearProperty(Launcher.PREFIX_PROPERTY);
        }
    }

    @Test
    void aCatalogsCheckoutIsWhereTheUsersJBangRegisteredIt() {
        project.write("jbang-dir/jbang-catalog.json", """
            {"catalogs": {"genkit": {"catalog-ref": "%s"}}}
            """.formatted(project.path("checkout/jbang-catalog.json")));
        Map<String, String> env = Map.of("JBANG_DIR", project.path("jbang-dir").toString());
        assertEquals(
                Optional.of(project.path("checkout")), CatalogCheckout.find("genkit", env, project.path("elsewhere")));
        assertEquals(Optional.empty(), CatalogCheckout.find("other", env, project.path("elsewhere")));
    }

    @Test
    void aCatalogRegisteredInAFolderAboveTheCurrentOneComesFirst() {
        project.write("jbang-dir/jbang-catalog.json", """
            {"catalogs": {"genkit": {"catalog-ref": "/somewhere/else/jbang-catalog.json"}}}
            """)
                .write("work/.jbang/jbang-catalog.json", """
                    {"catalogs": {"genkit": {"catalog-ref": "../../checkout"}}}
                    """)
                .write("work/a/b/.keep", "");
        Map<String, String> env = Map.of("JBANG_DIR", project.path("jbang-dir").toString());
        assertEquals(
                Optional.of(project.path("checkout")),
                CatalogCheckout.find("genkit", env, project.path("work/a/b")),
                "a relative catalog-ref is relative to the file that registers it");
    }

    @Test
    void theCatalogsCheckoutIsWhereConformLooksLastForItsConfig() {
        project.write("jbang-dir/jbang-catalog.json", """
            {"catalogs": {"genkit": {"catalog-ref": "%s"}}}
            """.formatted(project.root()));
        Map<String, String> env = Map.of("JBANG_DIR", project.path("jbang-dir").toString());
        System.setProperty(Launcher.CATALOG_PROPERTY, "genkit");
        try (TempProject elsewhere = TempProject.create()) {
            assertEquals(Optional.of(project.root()), Launcher.checkout(env, elsewhere.root()));
            CliRun.run(elsewhere.root(), env, "list")
                    .expect(ExitCode.OK)
                    .expectOut("config " + project.path("conform.toml"));
        } finally {
            System.clearProperty(Launcher.CATALOG_PROPERTY);
        }
    }
}
