package conform.validate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The argument a validator class takes after a colon ({@code text-includes:Genkit}), which a spec may always leave
 * out. A validator without this annotation takes none. Specs are checked against it when they load.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ValidatorArgument {

    /** What the argument is, for messages and {@code conform list --validators}: "the text to find". */
    String value();

    /** The only values it may have; empty: any text that is not blank. */
    String[] oneOf() default {};
}
