package conform.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrubs what conform prints or writes: long base64 data URIs are shortened to their size, and API keys
 * (the values of secret-looking environment variables, auth headers, key query parameters and well-known
 * key shapes) are masked. Applied to every line of console output, logs and reports.
 */
public final class Redactor {

    public static final String MASK = "***";
    /**
     * The stand-in key conform's emulator hands the SDKs where the user has none: public, so printed as it is (a
     * masked placeholder could not be copied into an app's environment).
     */
    public static final String PLACEHOLDER_KEY = "conform-emulator-placeholder-key";
    /** Base64 payloads up to this length stay readable: small enough not to drown a log line. */
    static final int MAX_INLINE_BASE64 = 64;
    /** Shorter values are too likely to occur by chance in ordinary text to be masked. */
    private static final int MIN_SECRET_LENGTH = 8;

    private static final Pattern DATA_URI = Pattern.compile(
            "(data:[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*(?:;[a-zA-Z0-9_.+-]+=[^;,\\s\"']*)*;base64,)"
                + "([A-Za-z0-9+/=_-]{" + (MAX_INLINE_BASE64 + 1) + ",})");
    private static final Pattern SECRET_ENV_NAME = Pattern.compile("(?i).*(KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL).*");
    private static final List<Pattern> SECRET_SHAPES = List.of(
            Pattern.compile("(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?(?:bearer|basic)\\s+)[^\\s\"',]+"),
            Pattern.compile("(?i)((?:x-api-key|x-goog-api-key|api[-_]key|apikey)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',&]+"),
            Pattern.compile("([?&](?:key|api_key|access_token)=)[^&\\s\"']+"),
            Pattern.compile("()\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}"),
            Pattern.compile("()\\bAIza[0-9A-Za-z_-]{30,}"));

    private volatile List<String> secretValues;

    private Redactor(List<String> secretValues) {
        this.secretValues = longestFirst(secretValues);
    }

    /** A redactor for this process: every secret-looking environment variable's value is masked. */
    public static Redactor fromEnvironment(Map<String, String> env, Collection<String> extraSecretNames) {
        return new Redactor(values(
                env, e -> SECRET_ENV_NAME.matcher(e.getKey()).matches() || extraSecretNames.contains(e.getKey())));
    }

    /**
     * Masks the values of {@code names} in {@code env} too, from now on: the variables conform.toml's [conform.env]
     * declares, known only once the config is read, while the console already prints.
     */
    public synchronized void alsoMask(Collection<String> names, Map<String, String> env) {
        List<String> more = new ArrayList<>(secretValues);
        more.addAll(values(env, e -> names.contains(e.getKey())));
        secretValues = longestFirst(more);
    }

    private static List<String> values(Map<String, String> env, Predicate<Map.Entry<String, String>> secret) {
        return env.entrySet().stream()
                .filter(secret)
                .map(Map.Entry::getValue)
                .filter(v -> v != null && v.length() >= MIN_SECRET_LENGTH)
                .toList();
    }

    /** Longest first, so a secret that contains another is masked whole. */
    private static List<String> longestFirst(List<String> values) {
        return values.stream()
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = shortenDataUris(text);
        for (String secret : secretValues) out = out.replace(secret, MASK);
        for (Pattern shape : SECRET_SHAPES)
            out = shape.matcher(out)
                    .replaceAll(m -> Matcher.quoteReplacement(
                            m.group().substring(m.group(1).length()).equals(PLACEHOLDER_KEY)
                                    ? m.group()
                                    : m.group(1) + MASK));
        return out;
    }

    static String shortenDataUris(String text) {
        if (!text.contains("data:")) return text;
        return DATA_URI.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "...<" + decodedSize(m.group(2)) + " bytes>"));
    }

    private static long decodedSize(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return (long) base64.length() * 3 / 4 - padding;
    }
}
