package conform.packages;

import conform.diag.Suggest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Ranks the names a package offers for its plugin by how close each is to the plugin's name. */
final class Candidates {

    private Candidates() {}

    /**
     * {@code names} (deduplicated, in their order of appearance) with {@code preferred} first when it is one of them,
     * then by edit distance to {@code plugin}, case and '-' ignored: {@code googleAI} before {@code vertexAI} for
     * google-genai.
     */
    static List<String> rank(List<String> names, String plugin, String preferred) {
        String target = squashed(plugin);
        return names.stream()
                .distinct()
                .sorted(Comparator.comparing((String n) -> !n.equals(preferred))
                        .thenComparingInt(n -> Suggest.distance(squashed(n), target)))
                .toList();
    }

    /** A plugin's name as an identifier: {@code google-genai} → {@code googleGenai}, or {@code GoogleGenai}. */
    static String joined(String plugin, boolean capitalFirst) {
        StringBuilder out = new StringBuilder();
        for (String part : plugin.split("[-_.]+")) {
            if (part.isEmpty()) continue;
            boolean capital = capitalFirst || !out.isEmpty();
            out.append(capital ? Character.toUpperCase(part.charAt(0)) + part.substring(1) : part);
        }
        return out.toString();
    }

    private static String squashed(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
