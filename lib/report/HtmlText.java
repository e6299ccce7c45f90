package conform.report;

/** Text as the report's pages show it: escaped, shortened for hover titles, made into anchors. */
final class HtmlText {

    private HtmlText() {}

    /** Text for HTML content and quoted attributes alike; control characters other than line breaks and tabs are dropped. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** A hover text stays readable; the whole error is one click away in the parity table. */
    static String shorten(String s) {
        if (s.length() <= 600) return s;
        return s.substring(0, Character.isHighSurrogate(s.charAt(599)) ? 599 : 600) + " …";
    }

    /** Every built-in test is called "… Conformance": in a narrow column header the word only costs room. */
    static String shortName(String test) {
        String s = test == null
                ? ""
                : test.replaceAll("(?i)\\s*\\bconformance\\b", "").strip();
        return s.isEmpty() ? String.valueOf(test) : s;
    }

    /** An anchor id from a runtime name: letters, digits and dashes only. */
    static String slug(String s) {
        return s == null ? "" : s.replaceAll("[^A-Za-z0-9-]", "-");
    }
}
