package conform.validate;

/**
 * A check on a model's response. To add one during triage, drop a class implementing this interface (public,
 * with a no-argument constructor) into lib/validate/builtin/: the registry finds it by itself.
 */
public interface Validator {

    /** The name specs use, e.g. {@code text-includes}. */
    String name();

    /** One line for {@code conform list --validators} and the docs. */
    String description();

    /**
     * Passes silently or throws {@link ValidationFailure} saying what was wrong.
     *
     * @param arg the text after the first colon in the spec ({@code text-includes:Genkit} gives "Genkit"), or null
     */
    void validate(ModelResponse response, String arg);
}
