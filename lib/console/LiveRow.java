package conform.console;

/** Where one plugin run stands, as the live table draws it; changed under the table's lock. */
final class LiveRow {
    final String plugin, runtime;
    final int total;
    RowState state = RowState.PENDING;
    int passed, failed, known, retries;
    long startNanos, elapsedMs = -1;
    String reason;

    LiveRow(String plugin, String runtime, int total) {
        this.plugin = plugin;
        this.runtime = runtime;
        this.total = total;
    }
}
