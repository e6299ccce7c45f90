package conform.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How the user started conform, as its launchers tell it. The checkout's bootstrap ({@code ./jbang conform}) sets
 * {@code $CONFORM_LAUNCHER} to the words typed and {@code $CONFORM_CHECKOUT} to its checkout; the catalog alias
 * ({@code jbang conform@genkit}) sets the system properties {@code conform.launcher} and {@code conform.catalog}.
 * Started any other way, conform is plain {@code conform}.
 */
public final class Launcher {

    static final String PREFIX_VARIABLE = "CONFORM_LAUNCHER";
    static final String CHECKOUT_VARIABLE = "CONFORM_CHECKOUT";
    static final String PREFIX_PROPERTY = "conform.launcher";
    static final String CATALOG_PROPERTY = "conform.catalog";
    private static final String PLAIN = "conform";

    private Launcher() {}

    /** The words that start conform, as the user typed them: for hints like "rerun just this: PREFIX check-model …". */
    public static String prefix(Map<String, String> env) {
        String typed = env.get(PREFIX_VARIABLE);
        return typed != null && !typed.isBlank() ? typed : System.getProperty(PREFIX_PROPERTY, PLAIN);
    }

    /** A command that starts this conform from any directory: what a shell alias {@code conform} should run. */
    static String fromAnywhere(Map<String, String> env) {
        return checkoutVariable(env)
                .map(checkout -> shellQuoted(checkout.resolve("jbang").toString()) + " conform")
                .orElse(prefix(env));
    }

    static boolean plain(Map<String, String> env) {
        return prefix(env).equals(PLAIN);
    }

    /** The checkout conform was started from, when its launcher says: its conform.toml is the last one conform tries. */
    static Optional<Path> checkout(Map<String, String> env, Path cwd) {
        Optional<Path> own = checkoutVariable(env);
        if (own.isPresent()) return own;
        String catalog = System.getProperty(CATALOG_PROPERTY);
        return catalog == null ? Optional.empty() : CatalogCheckout.find(catalog, env, cwd);
    }

    private static Optional<Path> checkoutVariable(Map<String, String> env) {
        String checkout = env.get(CHECKOUT_VARIABLE);
        return checkout == null || checkout.isBlank() ? Optional.empty() : Optional.of(Path.of(checkout));
    }

    /** {@code text} as one shell word: as is when it is plain, else in single quotes. */
    static String shellQuoted(String text) {
        return text.matches("[A-Za-z0-9_./@%+=:,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
