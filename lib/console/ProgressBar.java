package conform.console;

/** The live table's progress bar: passed, failed, known failures and what is left, in a fixed number of cells. */
final class ProgressBar {

    private ProgressBar() {}

    /**
     * A bar of exactly {@code width} cells: passed green, failed red, known failures yellow, the rest dim. Cells are
     * shared out by largest remainder, and a non-zero count always gets a cell, so one failure in 500 still shows.
     */
    static String render(Style style, int width, int passed, int failed, int known, int total) {
        int done = passed + failed + known;
        if (total <= 0 && done == 0) return style.dim("—" + " ".repeat(Math.max(0, width - 1)));
        int[] cells = cells(width, passed, failed, known, Math.max(0, total - done));
        return style.green("█".repeat(cells[0]))
                + style.red("█".repeat(cells[1]))
                + style.yellow("█".repeat(cells[2]))
                + style.dim("░".repeat(cells[3]));
    }

    static int[] cells(int width, int... counts) {
        long sum = 0;
        for (int c : counts) sum += Math.max(0, c);
        int[] cells = new int[counts.length];
        if (sum == 0 || width <= 0) return cells;
        long[] remainders = new long[counts.length];
        int used = 0;
        for (int i = 0; i < counts.length; i++) {
            long scaled = (long) Math.max(0, counts[i]) * width;
            cells[i] = (int) (scaled / sum);
            remainders[i] = scaled % sum;
            used += cells[i];
        }
        // First a cell for every non-zero count that has none, then the largest remainders, until the bar is full.
        while (used < width) {
            int best = -1;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] <= 0) continue;
                boolean starved = cells[i] == 0, bestStarved = best >= 0 && cells[best] == 0;
                if (best < 0
                        || (starved && !bestStarved)
                        || (starved == bestStarved && remainders[i] > remainders[best])) best = i;
            }
            cells[best]++;
            remainders[best] = -1;
            used++;
        }
        // A starved count still without a cell takes one from the largest share (more counts than cells is the only way
        // left).
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] <= 0 || cells[i] > 0) continue;
            int largest = 0;
            for (int j = 1; j < counts.length; j++) if (cells[j] > cells[largest]) largest = j;
            if (cells[largest] > 1) {
                cells[largest]--;
                cells[i]++;
            }
        }
        return cells;
    }
}
