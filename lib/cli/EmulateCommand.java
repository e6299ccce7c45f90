package conform.cli;

import conform.diag.ExitCode;
import conform.emulator.Emulation;
import conform.emulator.Emulator;
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
            "It prints the variables that point the providers' plugins at it."
        })
final class EmulateCommand extends Subcommand {

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: any free port)")
    int port;

    @Option(
            names = "--fault",
            paramLabel = "FAULT",
            converter = RunFaultConverter.class,
            description = "Inject FAULT into the first requests, as check-model --emulate-fault")
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
                Emulation.models(specs, ws.config()),
                fault,
                ws.console,
                ws.console::err,
                "pick another --port, or leave it out for any free port");
        ws.console.out("conform emulator listening on " + emulator.url() + " (Ctrl-C to stop)");
        ws.console.out("point Genkit's provider plugins at it with:");
        emulator.childEnvironment(ws.env).forEach((k, v) -> ws.console.out("  export " + k + "=" + v));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCode.OK;
    }
}
