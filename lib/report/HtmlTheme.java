package conform.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the HTML report looks: one symbol, label and meaning per status (so the report reads without colour)
 * and the inline stylesheet. Kept apart from HtmlReport so the renderer stays about structure.
 */
final class HtmlTheme {

    private HtmlTheme() {}

    /** A status as shown: the symbol must differ per status, because colour alone fails colour-blind readers and print. */
    record Look(String symbol, String label, String meaning) {}

    /** Test statuses first, in the order of TestStatus; run statuses reuse them. Symbols are all in DejaVu Sans. */
    static final Map<String, Look> LOOKS = new LinkedHashMap<>();

    static {
        LOOKS.put("passed", new Look("✓", "passed", "every validator passed"));
        LOOKS.put("failed", new Look("✗", "failed", "a validator rejected the answer"));
        LOOKS.put("error", new Look("⚠", "error", "the call failed"));
        LOOKS.put("timeout", new Look("◷", "timeout", "no complete answer in time"));
        LOOKS.put("skipped", new Look("○", "skipped", "not run"));
        LOOKS.put("xfail", new Look("⊘", "xfail", "known failure, recorded in conform.toml"));
        LOOKS.put("xpass", new Look("⚑", "xpass", "passed although recorded as known failure: stale record"));
        LOOKS.put("interrupted", new Look("■", "interrupted", "no verdict: conform was stopped before it finished"));
    }

    static Look look(String status) {
        Look l = LOOKS.get(status);
        return l != null ? l : new Look("?", status == null ? "unknown" : status, "unknown status");
    }

    /** A CSS class for a status; only letters survive, so odd input cannot leave the attribute or match a rule. */
    static String cls(String status) {
        return "s-" + (status == null ? "none" : status.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
    }

    /** Variables carry every colour, so the dark scheme only redefines them. */
    static final String CSS = """
        :root{--bg:#f6f7f9;--card:#fff;--fg:#1f2328;--muted:#656d76;--line:#d8dee4;--head:#eef1f4;--accent:#0969da;
        --passed:#1a7f37;--passed-bg:#dafbe1;--failed:#cf222e;--failed-bg:#ffebe9;--error:#bc4c00;--error-bg:#fff1e5;
        --timeout:#8250df;--timeout-bg:#fbefff;--skipped:#6e7781;--skipped-bg:#f1f3f5;--xfail:#8a6100;--xfail-bg:#fff8c5;
        --xpass:#0969da;--xpass-bg:#ddf4ff;--div:#d4a72c;--div-bg:#fffbea}
        @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#161b22;--fg:#e6edf3;--muted:#8d96a0;--line:#30363d;
        --head:#1c2128;--accent:#4493f8;--passed:#3fb950;--passed-bg:#12261e;--failed:#f85149;--failed-bg:#2d1417;
        --error:#f0883e;--error-bg:#2b1d0f;--timeout:#bc8cff;--timeout-bg:#221a33;--skipped:#8d96a0;--skipped-bg:#1c2128;
        --xfail:#d29922;--xfail-bg:#2a2210;--xpass:#58a6ff;--xpass-bg:#0c2340;--div:#d29922;--div-bg:#1f1a0c}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
        main{max-width:1600px;margin:0 auto;padding:20px 24px 48px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:32px 0 6px}h3{font-size:15px;margin:20px 0 6px}
        .meta,.note{color:var(--muted);margin:2px 0 10px}
        code,pre{font:12px/1.4 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
        header{display:flex;flex-wrap:wrap;gap:12px 24px;align-items:flex-start;justify-content:space-between}
        .verdict{font-weight:700;padding:4px 12px;border-radius:6px;font-size:15px}
        .chips{display:flex;flex-wrap:wrap;gap:6px;margin:10px 0}
        .chip{display:inline-flex;gap:6px;align-items:baseline;padding:3px 10px;border-radius:999px;border:1px solid var(--line);background:var(--card)}
        .chip b{font-variant-numeric:tabular-nums}.chip.zero{opacity:.5}
        .legend{display:flex;flex-wrap:wrap;gap:4px 18px;margin:8px 0 0;padding:10px 14px;background:var(--card);border:1px solid var(--line);border-radius:8px;color:var(--muted)}
        .legend span.st{padding:1px 7px;border-radius:4px}
        nav{margin:10px 0 0;display:flex;flex-wrap:wrap;gap:6px 14px}nav a{color:var(--accent);text-decoration:none}
        .scroll{overflow:auto;max-height:78vh;background:var(--card);border:1px solid var(--line);border-radius:8px}
        table{border-collapse:separate;border-spacing:0;width:100%}
        th,td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        thead th{position:sticky;top:0;z-index:2;background:var(--head);font-weight:600;white-space:nowrap}
        tbody tr:hover td,tbody tr:hover th{filter:brightness(.97)}
        th.row{position:sticky;left:0;z-index:1;background:var(--card);font-weight:500;white-space:nowrap}
        thead th.row{z-index:3;background:var(--head)}
        td.st,th.st{white-space:nowrap}
        .st{font-weight:500}
        .sym{display:inline-block;width:1.1em;text-align:center;font-weight:700;margin-right:3px}
        table.parity td:first-child,table.runs td:first-child,table.failures td:first-child{white-space:nowrap}
        table.failures td pre{max-width:80ch;margin:0}
        td.rep{color:var(--muted)}td.rep code{opacity:.75}
        .s-passed{color:var(--passed);background:var(--passed-bg)}.s-failed{color:var(--failed);background:var(--failed-bg)}
        .s-error{color:var(--error);background:var(--error-bg)}.s-timeout{color:var(--timeout);background:var(--timeout-bg)}
        .s-skipped,.s-interrupted{color:var(--skipped);background:var(--skipped-bg)}.s-xfail{color:var(--xfail);background:var(--xfail-bg)}
        .s-xpass{color:var(--xpass);background:var(--xpass-bg)}.s-none{color:var(--muted)}
        td.st details{white-space:normal}summary{cursor:pointer;white-space:nowrap}
        td pre,details pre{white-space:pre-wrap;word-break:break-word;max-width:52ch;max-height:18em;overflow:auto;margin:6px 0 2px;
        padding:6px 8px;background:var(--card);color:var(--fg);border:1px solid var(--line);border-radius:4px;font-weight:400}
        .ms{color:var(--muted);font-size:11px;font-weight:400;margin-left:4px}
        .flaky{font-size:11px;border:1px dashed currentColor;border-radius:4px;padding:0 4px;margin-left:4px}
        tr.divergent td,tr.divergent th{background-image:linear-gradient(var(--div-bg),var(--div-bg))}
        tr.divergent td.st{background-image:none}
        tr.divergent td:first-child{box-shadow:inset 4px 0 0 var(--div)}
        .badge{display:inline-block;font-size:11px;font-weight:700;color:var(--div);border:1px solid var(--div);border-radius:4px;padding:0 5px;margin-left:6px;white-space:nowrap}
        .toggle{margin:0 6px 8px 0}label{color:var(--muted);cursor:pointer}
        #hide-ok:checked ~ .scroll tr.all-ok{display:none}
        .scroll.fit{display:inline-block;max-width:100%;vertical-align:top}table.matrix{width:auto}
        table.matrix td{vertical-align:middle}table.matrix td.st{text-align:center;padding:4px 2px;min-width:2.2em}
        table.matrix thead th{vertical-align:bottom}
        table.matrix thead th.test{padding:8px 2px;font-size:12px;font-weight:500}
        table.models{width:auto}table.models tr.field td{color:var(--muted);font-size:12px;padding-top:0}
        table.models tr.field td:first-child{padding-left:28px}
        .m-listed{color:var(--passed)}.m-call{color:var(--xfail)}.m-none{color:var(--muted)}.m-error{color:var(--failed)}
        ul.listings,ul.findings{margin:4px 0 10px;padding-left:20px}
        th.test span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;max-height:20em;overflow:hidden;text-overflow:ellipsis;display:inline-block;margin:0 auto}
        .plugin-row th{background:var(--head);font-weight:600;position:static}
        .tally{color:var(--muted);font-size:12px;white-space:nowrap}
        td.reason{max-width:60ch}td.reason pre{max-width:none}
        @media (max-width:700px){main{padding:12px}th,td{padding:4px 6px}.scroll{max-height:none}}
        """;
}
