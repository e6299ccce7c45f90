package conform.config;

import java.util.regex.Pattern;

/** Name patterns in config and flags: {@code *} matches any run of characters, everything else itself. */
public final class Glob {

    private Glob() {}

    public static boolean matches(String glob, String name) {
        return compile(glob).matcher(name).matches();
    }

    /** {@code *} matches line breaks too, so a glob can match a multi-line error message. */
    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String piece : glob.split("\\*", -1))
            regex.append(Pattern.quote(piece)).append(".*");
        return Pattern.compile(regex.substring(0, regex.length() - 2), Pattern.DOTALL);
    }
}
