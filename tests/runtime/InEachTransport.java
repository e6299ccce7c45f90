package conform.runtime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A test run in each fixture runtime over each reflection API it has — js and python over v2 (what auto chooses) and
 * v1, go over v1 (its pinned Genkit has no v2) — taking the runtime's name and the transport (v1, v2) as parameters.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0} over {1}")
@CsvSource({"js, v2", "python, v2", "go, v1", "js, v1", "python, v1"})
public @interface InEachTransport {}
