package conform.validate;

import static org.junit.jupiter.api.Assertions.*;

import conform.spec.ValidatorRef;
import conform.validate.builtin.TextIncludes;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidatorRegistryTest {

    @Test
    void discoversTheTenBuiltins() {
        assertEquals(
                Set.of(
                        "text-includes",
                        "text-starts-with",
                        "text-not-empty",
                        "valid-json",
                        "has-tool-request",
                        "valid-media",
                        "reasoning",
                        "stream-text-includes",
                        "stream-has-tool-request",
                        "stream-valid-json"),
                ValidatorRegistry.builtins().names());
    }

    @Test
    void everyBuiltinDescribesItself() {
        for (Validator v : ValidatorRegistry.builtins().all())
            assertFalse(v.description().isBlank(), v.name());
    }

    @Test
    void looksUpByName() {
        assertEquals(
                "valid-json",
                ValidatorRegistry.builtins().get("valid-json").orElseThrow().name());
        assertTrue(ValidatorRegistry.builtins().get("nope").isEmpty());
    }

    @Test
    void anUnknownValidatorFailsTheCheck() {
        ValidationFailure f = assertThrows(
                ValidationFailure.class,
                () -> ValidatorRegistry.builtins().check(Responses.text("x"), ValidatorRef.parse("nope:1")));
        assertEquals("Unknown validator: nope", f.getMessage());
    }

    @Test
    void acceptsACustomValidator() {
        Validator shouting = new Validator() {
            public String name() {
                return "all-caps";
            }

            public String description() {
                return "text is upper case";
            }

            public void validate(ModelResponse r, String arg) {
                if (!r.text().equals(r.text().toUpperCase())) throw new ValidationFailure("not shouting");
            }
        };
        ValidatorRegistry registry = ValidatorRegistry.builtins().register(shouting);
        assertDoesNotThrow(() -> registry.check(Responses.text("HI"), ValidatorRef.parse("all-caps")));
        assertThrows(
                ValidationFailure.class, () -> registry.check(Responses.text("hi"), ValidatorRef.parse("all-caps")));
    }

    @Test
    void twoValidatorsMayNotShareAName() {
        Validator twin = new TextIncludes();
        assertThrows(
                IllegalStateException.class, () -> ValidatorRegistry.builtins().register(twin));
    }

    @Test
    void refsSplitOnTheFirstColon() {
        assertEquals(new ValidatorRef("text-includes", "a:b:c"), ValidatorRef.parse("text-includes:a:b:c"));
        assertEquals(new ValidatorRef("valid-json", null), ValidatorRef.parse("valid-json"));
        assertEquals(new ValidatorRef("text-includes", ""), ValidatorRef.parse("text-includes:"));
        assertEquals(
                "text-includes:a:b", ValidatorRef.parse("text-includes:a:b").toString());
    }
}
