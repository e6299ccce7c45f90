package conform.cli;

import conform.diag.ExitCode;
import conform.emulator.EmulatedModels;
import conform.emulator.Emulation;
import conform.emulator.Emulator;
import conform.emulator.ReferenceModel;
import conform.emulator.RunFault;
import conform.spec.PluginSpec;
import conform.spec.SpecLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "emulate",
        mixinStandardHelpOptions = true,
        description = {
            "Run conform's emulator of the provider APIs on its own, for any Genkit app, until Ctrl-C.",
            "It prints the variables that point the providers' plugins and SDKs at it, with placeholder keys for"
                    + " those not set. It serves the specs' models; every prompt gets an ordinary, deterministic"
                    + " answer."
        },
        footer = {
            "",
            "Faults in a prompt: a directive in the last user message injects a fault",
            "into that request only:",
            "  #emulator:429[:ms]   HTTP 429 with Retry-After (default 1000 ms)",
            "  #emulator:500        HTTP 500 with the provider's error body",
            "  #emulator:slow:ms    the answer starts after ms",
            "  #emulator:stall:ms   a stream stops for ms after its first event",
            "  #emulator:truncate   a stream is cut short, as a dropped connection",
            "  #emulator:malformed  a body that is not valid JSON",
            "",
            "See docs/emulator.md for the endpoints of each provider."
        })
final class EmulateCommand extends Subcommand {

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: any free port)")
    int port;

    @Option(
            names = "--fault",
            paramLabel = "FAULT",
            converter = RunFaultConverter.class,
            description = "I" + EmulationOptions.FAULT_HELP)
    RunFault fault;

    @Override
    ExitCode run(Workspace ws) throws InterruptedException {
        SpecLoader loader = ws.specLoader();
        List<PluginSpec> specs = new ArrayList<>();
        ws.inventory().specsByRuntime().values().stream()
                .flatMap(m -> m.entrySet().stream())
                .distinct()
                .forEach(e -> specs.add(loader.load(e.getKey(), e.getValue())));
        Emulator emulator = EmulationOptions.launch(
                port,
                EmulatedModels.listingAll(Emulation.models(specs, ws.config())),
                fault,
                ws.console,
                ws.console::err,
                ReferenceModel.Audience.APPLICATION,
                "pick another --port, or leave it out for any free port");
        ws.console.out("conform emulator listening on " + emulator.url());
        ws.console.out("point Genkit's provider plugins and SDKs at it with:");
        emulator.childEnvironment(ws.env).forEach((k, v) -> ws.console.out("  export " + k + "=" + v));
        // Last, so that a script reading the variables knows it has them all.
        ws.console.out("Ctrl-C stops it.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCode.OK;
    }
}
