package conform.emulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A fault for the first {@code count} model requests of a run ({@code --emulate-fault 429:1000x2}). */
public record RunFault(Fault fault, int count) {

    /** The most requests a fault may cover: more would only ever mean "all", which is what x1000000 says. */
    public static final int MAX_COUNT = 1_000_000;
    /** The longest delay a fault may ask for: a day, far beyond any action timeout. */
    public static final long MAX_MILLIS = 86_400_000L;
    /** NAME[:ms][xN]; a name is letters (stall) or a status code (429), so "429x2" reads as 429, twice. */
    private static final Pattern SYNTAX = Pattern.compile("([a-z-]+|\\d+)(?::(\\d{1,9}))?(?:x(\\d{1,7}))?");

    public static final String FORMS =
            "429[:ms], 500, slow:ms, stall:ms, truncate or malformed, optionally with xN, e.g. 429:1000x2";

    /** @throws IllegalArgumentException saying what is wrong with {@code text} */
    public static RunFault parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("`" + text + "` is not a fault: use " + FORMS);
        Long millis = m.group(2) == null ? null : Long.parseLong(m.group(2));
        if (millis != null && millis > MAX_MILLIS)
            throw new IllegalArgumentException("`" + text + "`: a fault's delay is at most " + MAX_MILLIS + " ms");
        Fault fault = Fault.parse(m.group(1), millis)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown fault `" + m.group(1) + "` in `" + text + "`: use " + FORMS));
        int count = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        if (count < 1 || count > MAX_COUNT)
            throw new IllegalArgumentException("`" + text + "`: xN must be between 1 and " + MAX_COUNT);
        return new RunFault(fault, count);
    }

    /** "429 (1000 ms) for the first 2 requests", for the console. */
    public String describe() {
        return fault.kind() + " into the first " + count + " request(s)";
    }
}
