package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A string a JSON schema accepts: its {@code format} (date, date-time, time, email, uri, uuid, …), else the preferred
 * text if it matches the {@code pattern}, else a sample the pattern generates; within minLength and maxLength.
 */
final class Strings {

    private static final Map<String, String> FORMATS = Map.ofEntries(
            Map.entry("date", "2025-01-15"),
            Map.entry("date-time", "2025-01-15T10:30:00Z"),
            Map.entry("time", "10:30:00Z"),
            Map.entry("duration", "P1D"),
            Map.entry("email", "genkit@example.com"),
            Map.entry("idn-email", "genkit@example.com"),
            Map.entry("hostname", "example.com"),
            Map.entry("ipv4", "192.0.2.1"),
            Map.entry("ipv6", "2001:db8::1"),
            Map.entry("uri", "https://example.com/genkit"),
            Map.entry("url", "https://example.com/genkit"),
            Map.entry("iri", "https://example.com/genkit"),
            Map.entry("uri-reference", "https://example.com/genkit"),
            Map.entry("uuid", "123e4567-e89b-42d3-a456-426614174000"));

    private Strings() {}

    static String forSchema(JsonNode schema, String preferred) {
        String format = schema.path("format").asText("").toLowerCase(Locale.ROOT);
        String value = FORMATS.getOrDefault(format, preferred);
        String pattern = schema.path("pattern").asText(null);
        if (pattern != null && !matches(pattern, value)) {
            value = List.of(preferred, "Genkit", "genkit", "GENKIT", "abc", "ABC", "123", "a1").stream()
                    .filter(candidate -> matches(pattern, candidate))
                    .findFirst()
                    .orElseGet(() -> RegexSample.of(pattern));
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        StringBuilder sized = new StringBuilder(value);
        while (sized.length() < min) sized.append(sized.isEmpty() ? "x" : sized.charAt(sized.length() - 1));
        return sized.length() > max ? sized.substring(0, max) : sized.toString();
    }

    /** Whether {@code value} matches {@code pattern} as JSON Schema means it: anywhere, unless anchored. */
    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return true; // a pattern Java cannot read is not one the emulator can honour
        }
    }
}
