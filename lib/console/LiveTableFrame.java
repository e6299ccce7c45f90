package conform.console;

import conform.report.Durations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One drawing of the live table: a header and a row per plugin run, fitted to the terminal. A table taller than the
 * terminal keeps what needs attention and sums up the rest in one line; no line may wrap, so each is cut to the width.
 */
final class LiveTableFrame {

    static final int BAR_WIDTH = 12;
    /** Rows left free below the table: the cursor's line and a margin, so the table itself never scrolls. */
    private static final int SPARE_ROWS = 3;

    private LiveTableFrame() {}

    /** The lines of {@code all}'s table for a terminal of this size, each cut to {@code columns - 1} cells. */
    static List<String> lines(List<LiveRow> all, Style style, int columns, int height, long now) {
        int room = Math.max(2, height - SPARE_ROWS - 1);
        List<LiveRow> shown = all;
        String more = null;
        if (all.size() > room) {
            // Show what needs attention (running, then failed) and summarise the rest in one line, keeping plan order.
            List<LiveRow> ranked = all.stream()
                    .sorted(Comparator.comparingInt(r -> r.state.rank()))
                    .toList();
            Set<LiveRow> keep = Collections.newSetFromMap(new IdentityHashMap<>());
            keep.addAll(ranked.subList(0, room - 1));
            shown = all.stream().filter(keep::contains).toList();
            Map<RowState, Long> rest = all.stream()
                    .filter(r -> !keep.contains(r))
                    .collect(Collectors.groupingBy(
                            r -> r.state, () -> new EnumMap<>(RowState.class), Collectors.counting()));
            more = "  … " + (all.size() - shown.size()) + " more: "
                    + rest.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey().label())
                            .collect(Collectors.joining(", "));
        }
        int pluginWidth = Math.min(
                32,
                Math.max(
                        6, shown.stream().mapToInt(r -> r.plugin.length()).max().orElse(0)));
        int runtimeWidth = Math.min(
                12,
                Math.max(
                        7,
                        shown.stream().mapToInt(r -> r.runtime.length()).max().orElse(0)));
        int countWidth = shown.stream()
                .mapToInt(r -> 2 * String.valueOf(r.total).length() + 1)
                .max()
                .orElse(3);
        List<String> lines = new ArrayList<>();
        lines.add(style.dim("    " + pad("plugin", pluginWidth) + "  " + pad("runtime", runtimeWidth) + "  "
                + pad("status", 8) + "  " + pad("progress", BAR_WIDTH + 1 + countWidth) + "  "
                + String.format("%8s", "time") + "  details"));
        for (LiveRow r : shown) {
            String count = r.passed + "/" + r.total;
            String time = r.elapsedMs >= 0
                    ? Durations.format(r.elapsedMs)
                    : r.startNanos > 0 ? Durations.format((now - r.startNanos) / 1_000_000) : "";
            lines.add("  " + r.state.paint(style, r.state.icon()) + " " + style.bold(pad(r.plugin, pluginWidth)) + "  "
                    + style.cyan(pad(r.runtime, runtimeWidth))
                    + "  " + r.state.paint(style, pad(r.state.label(), 8)) + "  "
                    + ProgressBar.render(style, BAR_WIDTH, r.passed, r.failed, r.known, r.total) + " "
                    + (r.failed > 0 ? style.red(pad(count, countWidth)) : style.green(pad(count, countWidth)))
                    + "  " + String.format("%8s", time) + "  " + details(r, style));
        }
        if (more != null) lines.add(style.dim(more));
        return lines.stream().map(l -> Style.truncate(l, columns - 1)).toList();
    }

    private static String details(LiveRow r, Style style) {
        if (r.reason != null) return r.state == RowState.ERROR ? style.red(r.reason) : style.yellow(r.reason);
        List<String> parts = new ArrayList<>();
        if (r.failed > 0) parts.add(r.failed + " failed");
        if (r.known > 0) parts.add(r.known + " known failure(s)");
        if (r.retries > 0) parts.add(r.retries + (r.retries == 1 ? " retry" : " retries"));
        return style.dim(String.join(" · ", parts));
    }

    private static String pad(String s, int width) {
        int len = s.codePointCount(0, s.length());
        if (len > width) return s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
        return s + " ".repeat(width - len);
    }
}
