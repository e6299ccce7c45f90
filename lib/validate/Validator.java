package conform.validate;

import conform.diag.Suggest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A check on a model's response. To add one during triage, drop a class implementing this interface (public, with a
 * no-argument constructor, annotated with {@link ValidatorName}, {@link ValidatorDescription} and, when it takes an
 * argument, {@link ValidatorArgument}) into lib/validate/builtin/: the registry finds it by itself.
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

    /** The argument it takes after a colon: the class's {@link ValidatorArgument}; empty when it takes none. */
    default Optional<ValidatorArgument> argument() {
        return Optional.ofNullable(getClass().getAnnotation(ValidatorArgument.class));
    }

    /** Why a spec's {@code arg} (null: no colon) does not suit this validator; empty when it does. */
    default Optional<String> argumentProblem(String arg) {
        if (arg == null) return Optional.empty();
        Optional<ValidatorArgument> takes = argument();
        if (takes.isEmpty())
            return Optional.of(
                    "`" + name() + "` takes no argument, got " + (arg.isEmpty() ? "an empty one" : "`" + arg + "`"));
        if (arg.isBlank()) return Optional.of("`" + name() + ":` has an empty argument");
        List<String> allowed = Arrays.asList(takes.get().oneOf());
        if (!allowed.isEmpty() && !allowed.contains(arg))
            return Optional.of("`" + name() + "` does not take `" + arg + "`" + Suggest.didYouMean(arg, allowed));
        return Optional.empty();
    }

    /** What it takes after a colon, for hints: "`valid-json` takes no argument: write `valid-json` alone". */
    default String takes() {
        return argument()
                .map(a -> "`" + name() + "` takes an optional argument after a colon (`" + name() + ":ARG`); ARG is "
                        + meaning(a))
                .orElse("`" + name() + "` takes no argument: write `" + name() + "` alone");
    }

    /** Its column in {@code conform list --validators}: "none", or "optional: the text to find". */
    default String argumentSummary() {
        return argument().map(a -> "optional: " + meaning(a)).orElse("none");
    }

    private static String meaning(ValidatorArgument argument) {
        return argument.value()
                + (argument.oneOf().length == 0 ? "" : ", one of " + String.join(", ", argument.oneOf()));
    }

    /**
     * Passes silently or throws {@link ValidationFailure} saying what was wrong.
     *
     * @param arg the text after the first colon in the spec ({@code text-includes:Genkit} gives "Genkit"), or null
     */
    void validate(ModelResponse response, String arg);
}
