package conform.console;

import java.util.Map;
import org.fusesource.jansi.Ansi;
import org.fusesource.jansi.internal.CLibrary;

/**
 * Colours for console output, or none. Colour is on only for a terminal, and off for {@code --no-color},
 * {@code NO_COLOR}, {@code CI=true} and {@code TERM=dumb}, so logs and CI output carry no escape codes.
 */
public final class Style {

    private static final Style PLAIN = new Style(false);
    private final boolean color;

    private Style(boolean color) {
        this.color = color;
    }

    public static Style plain() {
        return PLAIN;
    }

    public static Style colored() {
        return new Style(true);
    }

    /** The style for standard output given the user's {@code --no-color} flag and the environment. */
    public static Style detect(boolean noColorFlag) {
        return colorWanted(noColorFlag, System.getenv(), stdoutIsTerminal()) ? colored() : PLAIN;
    }

    static boolean colorWanted(boolean noColorFlag, Map<String, String> env, boolean terminal) {
        if (noColorFlag || !terminal) return false;
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) return false;
        if ("true".equalsIgnoreCase(env.getOrDefault("CI", ""))) return false;
        return !"dumb".equals(env.get("TERM"));
    }

    public static boolean stdoutIsTerminal() {
        try {
            return CLibrary.LOADED && CLibrary.isatty(CLibrary.STDOUT_FILENO) != 0;
        } catch (LinkageError | RuntimeException noNativeLibrary) {
            return System.console() != null;
        }
    }

    public boolean enabled() {
        return color;
    }

    public String error(String s) {
        return paint(s, Ansi.Color.RED, true);
    }

    public String warn(String s) {
        return paint(s, Ansi.Color.YELLOW, true);
    }

    public String red(String s) {
        return paint(s, Ansi.Color.RED, false);
    }

    public String green(String s) {
        return paint(s, Ansi.Color.GREEN, false);
    }

    public String yellow(String s) {
        return paint(s, Ansi.Color.YELLOW, false);
    }

    public String blue(String s) {
        return paint(s, Ansi.Color.BLUE, false);
    }

    public String cyan(String s) {
        return paint(s, Ansi.Color.CYAN, false);
    }

    public String bold(String s) {
        return color ? Ansi.ansi().bold().a(s).reset().toString() : s;
    }

    public String dim(String s) {
        return color
                ? Ansi.ansi().a(Ansi.Attribute.INTENSITY_FAINT).a(s).reset().toString()
                : s;
    }

    private String paint(String s, Ansi.Color fg, boolean bold) {
        if (!color) return s;
        Ansi ansi = Ansi.ansi();
        if (bold) ansi = ansi.bold();
        return ansi.fg(fg).a(s).reset().toString();
    }

    /** The printed width of a string: its length without escape codes. */
    public static int visibleLength(String s) {
        String stripped = s.replaceAll("\u001B\\[[0-9;]*m", "");
        return stripped.codePointCount(0, stripped.length());
    }

    /** Cuts a line to {@code width} visible cells, keeping its escape codes; a cut line ends in "…" and a reset. */
    static String truncate(String line, int width) {
        if (Style.visibleLength(line) <= width) return line;
        if (width <= 0) return "";
        StringBuilder out = new StringBuilder();
        int seen = 0;
        for (int i = 0; i < line.length(); ) {
            if (line.charAt(i) == '\u001B' && i + 1 < line.length() && line.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < line.length() && (line.charAt(end) < 0x40 || line.charAt(end) > 0x7E)) end++;
                out.append(line, i, Math.min(end + 1, line.length()));
                i = end + 1;
                continue;
            }
            if (seen == width - 1) break;
            int cp = line.codePointAt(i);
            out.appendCodePoint(cp);
            seen++;
            i += Character.charCount(cp);
        }
        return out.append('…').append("\u001B[0m").toString();
    }
}
