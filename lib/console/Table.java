package conform.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain aligned text table: cells may carry colour codes, which do not count toward the width. */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public Table row(String... cells) {
        if (cells.length != headers.size())
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        rows.add(Arrays.asList(cells));
        return this;
    }

    public int size() {
        return rows.size();
    }

    public List<String> render(Style style) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Style.visibleLength(headers.get(c));
            for (List<String> row : rows) widths[c] = Math.max(widths[c], Style.visibleLength(row.get(c)));
        }
        List<String> lines = new ArrayList<>();
        lines.add(style.bold(line(headers, widths)));
        lines.add(style.dim(line(Arrays.stream(widths).mapToObj("─"::repeat).toList(), widths)));
        for (List<String> row : rows) lines.add(line(row, widths));
        return lines;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder("  ");
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            sb.append(cell);
            if (c < cells.size() - 1) sb.append(" ".repeat(widths[c] - Style.visibleLength(cell) + 2));
        }
        return sb.toString().stripTrailing();
    }
}
