package conform.validate;

/**
 * Whitespace as JavaScript's {@code String.prototype.trim} sees it (ECMAScript WhiteSpace and LineTerminator), so
 * that validators agree with the canonical JS tool: Java's {@code strip()} keeps U+00A0, U+2007, U+202F and U+FEFF,
 * which JS removes, and removes U+001C–U+001F, which JS keeps.
 */
public final class JsTrim {

    /** ECMAScript WhiteSpace (TAB, VT, FF, ZWNBSP and the Zs category) and LineTerminator; all in the BMP. */
    private static final String WHITESPACE = "\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
            + "\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    private JsTrim() {}

    public static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWhitespace(text.charAt(start))) start++;
        while (end > start && isWhitespace(text.charAt(end - 1))) end--;
        return text.substring(start, end);
    }

    /** Whether {@code trim(text)} is empty, as JS's {@code !text.trim()}. */
    public static boolean isBlank(String text) {
        return trim(text).isEmpty();
    }

    private static boolean isWhitespace(char c) {
        return WHITESPACE.indexOf(c) >= 0;
    }
}
