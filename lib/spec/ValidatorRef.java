package conform.spec;

/** A validator as a spec names it: {@code name} or {@code name:arg}, split on the first colon. */
public record ValidatorRef(String name, String arg) {

    public static ValidatorRef parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0
                ? new ValidatorRef(text.strip(), null)
                : new ValidatorRef(text.substring(0, colon).strip(), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return arg == null ? name : name + ":" + arg;
    }
}
