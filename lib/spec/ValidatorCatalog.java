package conform.spec;

import java.util.Optional;
import java.util.Set;

/**
 * What the spec loader must know of the validators to check a spec: their names and the argument each takes. The
 * validators live in a later package (validate), which implements this; spec declares only what it needs.
 */
public interface ValidatorCatalog {

    Set<String> names();

    /** Why {@code arg} (null: the spec gave no colon) does not suit the validator {@code name}; empty when it does. */
    Optional<String> argumentProblem(String name, String arg);

    /** What the validator {@code name} takes, for a hint: "`valid-json` takes no argument". */
    String takes(String name);
}
