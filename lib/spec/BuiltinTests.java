package conform.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The 12 built-in test cases, read from builtin-tests.yaml (shipped in the jar), keyed by capability tag. */
public final class BuiltinTests {

    static final String RESOURCE = "conform/spec/builtin-tests.yaml";
    static final String IMAGE_RESOURCE = "conform/spec/genkit-test-image.png";
    private static final String IMAGE_PLACEHOLDER = "{{GENKIT_TEST_IMAGE}}";

    /** The capabilities a suite gets when it lists neither {@code supports} nor {@code tests}. */
    public static final List<String> DEFAULT_CAPABILITIES = List.of(
            "tool-request",
            "structured-output",
            "multiturn",
            "system-role",
            "input-image-base64",
            "input-image-url",
            "streaming-multiturn",
            "streaming-tool-request",
            "streaming-structured-output");

    private final Map<String, TestCase> byCapability;

    private BuiltinTests(Map<String, TestCase> byCapability) {
        this.byCapability = Collections.unmodifiableMap(byCapability);
    }

    public static BuiltinTests load(ValidatorCatalog validators) {
        String yaml =
                new String(resource(RESOURCE), StandardCharsets.UTF_8).replace(IMAGE_PLACEHOLDER, testImageDataUri());
        SpecContext ctx = new SpecContext(SourceTree.parseYaml(Path.of(RESOURCE), yaml));
        TestParser parser = new TestParser(validators);
        Map<String, TestCase> tests = new LinkedHashMap<>();
        ctx.tree.root().properties().forEach(e -> {
            JsonNode node = e.getValue();
            tests.put(
                    e.getKey(),
                    parser.parse(ctx, node, "/" + e.getKey(), e.getKey()).asCapability(e.getKey()));
        });
        return new BuiltinTests(tests);
    }

    public Optional<TestCase> forCapability(String tag) {
        return Optional.ofNullable(byCapability.get(tag));
    }

    public Set<String> capabilities() {
        return byCapability.keySet();
    }

    /** conform's own test image, a PNG showing the word "Genkit". */
    public static byte[] testImage() {
        return resource(IMAGE_RESOURCE);
    }

    public static String testImageDataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(testImage());
    }

    private static byte[] resource(String name) {
        try (InputStream in = BuiltinTests.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null)
                throw new IllegalStateException(
                        name + " is missing from the build: check the //FILES lines of conform.java");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
