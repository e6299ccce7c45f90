package conform.report;

import java.util.Locale;

/** Human durations for the console: "850ms", "4.2s", "2m 5.3s". */
public final class Durations {

    private Durations() {}

    public static String format(long millis) {
        if (millis < 0) return "—";
        if (millis < 1000) return millis + "ms";
        double seconds = millis / 1000.0;
        long minutes = (long) seconds / 60;
        return minutes > 0
                ? String.format(Locale.ROOT, "%dm %.1fs", minutes, seconds - minutes * 60)
                : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
