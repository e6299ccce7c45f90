package conform.validate;

/**
 * A check on a model's response. To add one during triage, drop a class implementing this interface (public, with a
 * no-argument constructor, annotated with {@link ValidatorName} and {@link ValidatorDescription}) into
 * lib/validate/builtin/: the registry finds it by itself.
 */
public interface Validator {

    /** The name specs use, e.g. {@code text-includes}: the class's {@link ValidatorName}. */
    default String name() {
        ValidatorName name = getClass().getAnnotation(ValidatorName.class);
        if (name == null) throw new IllegalStateException(getClass().getName() + " needs a @ValidatorName");
        return name.value();
    }

    /** One line for {@code conform list --validators} and the docs: the class's {@link ValidatorDescription}. */
    default String description() {
        ValidatorDescription description = getClass().getAnnotation(ValidatorDescription.class);
        if (description == null)
            throw new IllegalStateException(getClass().getName() + " needs a @ValidatorDescription");
        return description.value();
    }

    /**
     * Passes silently or throws {@link ValidationFailure} saying what was wrong.
     *
     * @param arg the text after the first colon in the spec ({@code text-includes:Genkit} gives "Genkit"), or null
     */
    void validate(ModelResponse response, String arg);
}
