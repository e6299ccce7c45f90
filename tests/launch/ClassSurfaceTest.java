package conform.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conform.support.TempProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The surface QuickRebuild compares, read from class files javac writes: what changes it (anything another source
 * compiles against) and what does not (method bodies, private members, classes only their own file can name).
 */
class ClassSurfaceTest {

    @RegisterExtension
    final TempProject project = TempProject.create();

    private static final String BASE = """
        package demo;
        public class Shape {
            public static final String NAME = "shape";
            public static final int SIDES = 4;
            private int hidden;
            public int area(int side) { return side * side; }
            private static String helper() { return "x"; }
            private static final class Secret { public void open() {} }
            public static final class Corner { public int angle() { return 90; } }
            Runnable task() { return new Runnable() { public void run() {} }; }
        }
        """;

    @Test
    void aMethodBodyOrAPrivateMemberDoesNotChangeIt() throws Exception {
        assertEquals(surface(BASE, "demo/Shape"), surface(BASE.replace("side * side", "side + side"), "demo/Shape"));
        assertEquals(
                surface(BASE, "demo/Shape"),
                surface(
                        BASE.replace("private int hidden;", "private long hidden; private void extra() {}"),
                        "demo/Shape"));
    }

    @Test
    void aConstantASignatureOrAVisibilityChangesIt() throws Exception {
        ClassSurface base = surface(BASE, "demo/Shape");
        for (String edited : List.of(
                BASE.replace("\"shape\"", "\"square\""),
                BASE.replace("SIDES = 4", "SIDES = 5"),
                BASE.replace("public int area(int side)", "public long area(int side)"),
                BASE.replace("public int area(int side)", "int area(int side)"),
                BASE.replace("Runnable task()", "Runnable task(int n)"),
                BASE.replace("public class Shape {", "public class Shape implements java.io.Serializable {"),
                BASE.replace("private static String helper()", "static String helper()"))) {
            assertNotEquals(base.lines(), surface(edited, "demo/Shape").lines(), edited);
        }
    }

    @Test
    void aNestedClassIsReachableUnlessPrivateOrAnonymous() throws Exception {
        assertTrue(surface(BASE, "demo/Shape$Corner").reachableFromOtherFiles());
        assertFalse(surface(BASE, "demo/Shape$Secret").reachableFromOtherFiles());
        assertFalse(surface(BASE, "demo/Shape$1").reachableFromOtherFiles());
        assertEquals("Shape.java", surface(BASE, "demo/Shape$1").sourceFile());
    }

    private ClassSurface surface(String source, String className) throws IOException {
        Path dir = Files.createTempDirectory(project.root(), "javac");
        Path file = Files.createDirectories(dir.resolve("src/demo")).resolve("Shape.java");
        Files.writeString(file, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int code =
                ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), file.toString());
        assertEquals(0, code, "the sample compiles");
        return ClassSurface.read(Files.readAllBytes(classes.resolve(className + ".class")));
    }
}
