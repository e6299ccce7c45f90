package conform.emulator;

/**
 * A string a regular expression matches, for a schema {@code pattern} no ordinary value does: the first alternative
 * of each group, the first character of each class, the least each quantifier allows (one for {@code +}), literal
 * characters and escapes as themselves, {@code \d} a 1, {@code \w} an a. Anchors and lookarounds are left out.
 */
final class RegexSample {

    private final String pattern;
    private int at;

    private RegexSample(String pattern) {
        this.pattern = pattern;
    }

    static String of(String pattern) {
        RegexSample sample = new RegexSample(pattern);
        return sample.alternatives(false);
    }

    /** The first alternative of a sequence, up to the end or the group's closing parenthesis. */
    private String alternatives(boolean inGroup) {
        StringBuilder first = new StringBuilder();
        boolean skipping = false;
        while (at < pattern.length()) {
            char c = pattern.charAt(at);
            if (c == ')' && inGroup) {
                at++;
                break;
            }
            if (c == '|') {
                skipping = true;
                at++;
                continue;
            }
            String atom = atom();
            int times = quantifier();
            if (!skipping) first.append(atom.repeat(times));
        }
        return first.toString();
    }

    private String atom() {
        char c = pattern.charAt(at++);
        return switch (c) {
            case '^', '$' -> "";
            case '(' -> {
                if (pattern.startsWith("?:", at)) at += 2;
                else if (pattern.startsWith("?<", at)
                        && !pattern.startsWith("?<=", at)
                        && !pattern.startsWith("?<!", at)) at = pattern.indexOf('>', at) + 1;
                else if (pattern.startsWith("?", at)) {
                    alternatives(true); // a lookaround matches no characters of its own
                    yield "";
                }
                yield alternatives(true);
            }
            case '[' -> characterClass();
            case '\\' -> escape(pattern.charAt(at++));
            case '.' -> "a";
            default -> String.valueOf(c);
        };
    }

    private String characterClass() {
        boolean negated = pattern.charAt(at) == '^';
        if (negated) at++;
        String first = null;
        while (at < pattern.length() && pattern.charAt(at) != ']') {
            char c = pattern.charAt(at++);
            String member = c == '\\' ? escape(pattern.charAt(at++)) : String.valueOf(c);
            if (first == null) first = member;
        }
        at++; // ]
        if (negated) return "~".equals(first) ? "a" : "~"; // seldom excluded: good enough for a sample
        return first == null ? "a" : first;
    }

    private static String escape(char c) {
        return switch (c) {
            case 'd' -> "1";
            case 'w' -> "a";
            case 's' -> " ";
            case 'D', 'W', 'S' -> "-";
            case 'b', 'B', 'A', 'z', 'Z' -> "";
            case 'n' -> "\n";
            case 't' -> "\t";
            default -> String.valueOf(c);
        };
    }

    /** How many times the atom before it repeats: {n}, {n,}, {n,m} take n; + one; * and ? none. */
    private int quantifier() {
        if (at >= pattern.length()) return 1;
        char c = pattern.charAt(at);
        int times;
        if (c == '{') {
            int close = pattern.indexOf('}', at);
            String[] bounds = pattern.substring(at + 1, close).split(",", -1);
            times = Integer.parseInt(bounds[0].strip());
            at = close + 1;
        } else if (c == '*' || c == '?') {
            times = 0;
            at++;
        } else if (c == '+') {
            times = 1;
            at++;
        } else return 1;
        if (at < pattern.length() && (pattern.charAt(at) == '?' || pattern.charAt(at) == '+')) at++; // lazy, possessive
        return times;
    }
}
