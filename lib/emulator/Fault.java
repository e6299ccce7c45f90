package conform.emulator;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure the emulator injects instead of, or into, an answer: for testing retries, Retry-After, timeouts and
 * error reporting. Chosen per request by a directive in the last user message ({@code #emulator:429}) or per run
 * ({@code --emulate-fault 429x2}: the first two model requests).
 *
 * @param millis the delay for SLOW_FIRST_BYTE and STALL, the Retry-After (in ms) for RATE_LIMIT
 */
public record Fault(Kind kind, long millis) {

    public enum Kind {
        NONE,
        /** HTTP 429 with a Retry-After header. */
        RATE_LIMIT,
        /** HTTP 500 with the provider's error body. */
        SERVER_ERROR,
        /** The response starts only after a delay. */
        SLOW_FIRST_BYTE,
        /** A stream sends its first event, then nothing for a while. */
        STALL,
        /** A stream sends its first event and ends without the rest. */
        TRUNCATE,
        /** The body is not valid JSON. */
        MALFORMED
    }

    public static final Fault NONE = new Fault(Kind.NONE, 0);
    private static final Pattern DIRECTIVE = Pattern.compile("#emulator:([a-z0-9-]+)(?::(\\d+))?");

    /** {@code 429[:ms]}, {@code 500}, {@code slow:ms}, {@code stall:ms}, {@code truncate}, {@code malformed}. */
    public static Optional<Fault> parse(String name, Long millis) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "429", "rate-limit" -> Optional.of(new Fault(Kind.RATE_LIMIT, millis == null ? 1000 : millis));
            case "500", "server-error" -> Optional.of(new Fault(Kind.SERVER_ERROR, 0));
            case "slow" -> Optional.of(new Fault(Kind.SLOW_FIRST_BYTE, millis == null ? 5000 : millis));
            case "stall" -> Optional.of(new Fault(Kind.STALL, millis == null ? 30000 : millis));
            case "truncate" -> Optional.of(new Fault(Kind.TRUNCATE, 0));
            case "malformed" -> Optional.of(new Fault(Kind.MALFORMED, 0));
            default -> Optional.empty();
        };
    }

    /** The fault a request's last user message asks for with {@code #emulator:<fault>[:<ms>]}, if any. */
    public static Fault inText(String text) {
        Matcher m = DIRECTIVE.matcher(text == null ? "" : text);
        if (!m.find()) return NONE;
        return parse(m.group(1), m.group(2) == null ? null : Long.parseLong(m.group(2)))
                .orElse(NONE);
    }

    public boolean none() {
        return kind == Kind.NONE;
    }
}
