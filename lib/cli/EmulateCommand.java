package conform.cli;

import conform.emulator.Emulator;
import conform.emulator.Fault;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.spec.SpecLoader;
import conform.spec.Suite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "emulate", mixinStandardHelpOptions = true, description = {
        "Run conform's emulator of the provider APIs on its own, for any Genkit app, until Ctrl-C.",
        "It prints the variables that point the providers' plugins at it."})
final class EmulateCommand implements Callable<Integer> {

    /** NAME[:ms][xN]; a name is letters (stall) or a status code (429), so "429x2" reads as 429, twice. */
    private static final Pattern FAULT = Pattern.compile("([a-z-]+|\\d+)(?::(\\d+))?(?:x(\\d+))?");

    @ParentCommand
    ConformCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: any free port)")
    int port;

    @Option(names = "--fault", paramLabel = "FAULT", description = "Inject FAULT into the first requests, as check-model --emulate-fault")
    String fault;

    @Override
    public Integer call() throws Exception {
        Workspace ws = root.workspace(spec.commandLine());
        List<String> models = new ArrayList<>();
        SpecLoader loader = ws.specLoader();
        ws.inventory().specsByRuntime().values().stream().flatMap(m -> m.entrySet().stream()).distinct()
                .forEach(e -> loader.load(e.getKey(), e.getValue()).suites().stream().map(Suite::model).forEach(models::add));
        Emulator emulator;
        try {
            emulator = Emulator.start(port, models.stream().distinct().toList(), fault == null ? null : parseFault(fault, true),
                    ws.console.redactor(), ws.console::err);
        } catch (IOException e) {
            throw new ConformException(Diagnostic.error("E0014", "cannot start the emulator on port " + port + ": " + e.getMessage())
                    .hint("pick another --port, or leave it out for any free port"));
        }
        ws.console.out("conform emulator listening on " + emulator.url() + " (Ctrl-C to stop)");
        ws.console.out("point Genkit's provider plugins at it with:");
        emulator.childEnvironment(ws.env).forEach((k, v) -> ws.console.out("  export " + k + "=" + v));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** {@code 429[:ms][xN]}, {@code 500}, {@code slow:ms}, … as a run fault. */
    static Emulator.RunFault parseFault(String text, boolean emulating) {
        if (!emulating) {
            throw new ConformException(Diagnostic.error("E0011", "--emulate-fault needs --emulate").hint("add --emulate"));
        }
        Matcher m = FAULT.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        Fault fault = m.matches() ? Fault.parse(m.group(1), m.group(2) == null ? null : Long.parseLong(m.group(2))).orElse(null) : null;
        if (fault == null) {
            throw new ConformException(Diagnostic.error("E0011", "unknown fault `" + text + "`")
                    .hint("use 429[:ms], 500, slow:ms, stall:ms, truncate or malformed, optionally with xN, e.g. 429:1000x2"));
        }
        return new Emulator.RunFault(fault, m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
    }
}
