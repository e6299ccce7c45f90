package conform.console;

import java.util.Locale;

/** Where one plugin run stands in the live table, with the icon, colour and rank it is drawn with. */
enum RowState {
    PENDING,
    STARTING,
    RUNNING,
    PASSED,
    XFAIL,
    FAILED,
    ERROR,
    SKIPPED,
    INTERRUPTED;

    /** Which rows a table too tall for the terminal keeps: what needs attention first. */
    int rank() {
        return switch (this) {
            case RUNNING -> 0;
            case STARTING -> 1;
            case FAILED -> 2;
            case ERROR -> 3;
            case INTERRUPTED -> 4;
            case PENDING -> 5;
            case SKIPPED -> 6;
            case XFAIL -> 7;
            case PASSED -> 8;
        };
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    String icon() {
        return switch (this) {
            case PENDING -> "◌";
            case STARTING -> "…";
            case RUNNING -> "⟳";
            case PASSED -> "✓";
            case FAILED -> "✗";
            case ERROR -> "!";
            case SKIPPED -> "⊘";
            case XFAIL -> "≈";
            case INTERRUPTED -> "■";
        };
    }

    String paint(Style style, String text) {
        return switch (this) {
            case PENDING -> style.dim(text);
            case STARTING, RUNNING -> style.blue(text);
            case PASSED -> style.green(text);
            case FAILED, ERROR -> style.red(text);
            case SKIPPED, XFAIL, INTERRUPTED -> style.yellow(text);
        };
    }
}
