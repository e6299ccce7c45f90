package conform.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conform.spec.BuiltinTests;
import conform.spec.Suite;
import conform.validate.ValidatorRegistry;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each built-in test case exercises the feature its capability tag names, read from its request and validators. */
class FeatureTest {

    private static final BuiltinTests BUILTINS = BuiltinTests.load(ValidatorRegistry.builtins());

    private static Set<Feature> exercised(String tag) {
        return Feature.exercisedBy(
                new Suite("m", List.of(BUILTINS.forCapability(tag).orElseThrow()), null));
    }

    @Test
    void everyBuiltinCaseExercisesItsFeature() {
        Map<String, Set<Feature>> expected = Map.ofEntries(
                Map.entry("tool-request", EnumSet.of(Feature.TOOLS)),
                Map.entry("streaming-tool-request", EnumSet.of(Feature.TOOLS)),
                Map.entry("structured-output", EnumSet.of(Feature.JSON_OUTPUT)),
                Map.entry("streaming-structured-output", EnumSet.of(Feature.JSON_OUTPUT)),
                Map.entry("multiturn", EnumSet.of(Feature.MULTITURN)),
                Map.entry("streaming-multiturn", EnumSet.of(Feature.MULTITURN)),
                Map.entry("system-role", EnumSet.of(Feature.SYSTEM_ROLE)),
                Map.entry("input-image-base64", EnumSet.of(Feature.MEDIA_INPUT)),
                Map.entry("input-image-url", EnumSet.of(Feature.MEDIA_INPUT)),
                Map.entry("input-video-youtube", EnumSet.of(Feature.MEDIA_INPUT)),
                Map.entry("output-audio", EnumSet.of(Feature.MEDIA_OUTPUT)),
                Map.entry("output-image", EnumSet.of(Feature.MEDIA_OUTPUT)));
        assertEquals(expected.keySet(), Set.copyOf(BUILTINS.capabilities()));
        expected.forEach((tag, features) -> assertEquals(features, exercised(tag), tag));
    }
}
