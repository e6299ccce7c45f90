package conform.cli;

import conform.config.ConformConfig;
import conform.console.Console;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import conform.emulator.EmulatedModels;
import conform.emulator.Emulation;
import conform.emulator.Emulator;
import conform.emulator.ReferenceModel;
import conform.emulator.RunFault;
import conform.plan.Plan;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** --emulate and --emulate-fault, and everything they change: planning, the plan, and the emulator a run starts. */
final class EmulationOptions {

    /** The help of --emulate-fault and emulate --fault, after its first letter (picocli makes %n a line break). */
    static final String FAULT_HELP = "nject FAULT into the first model requests: 429[:ms], 500, slow:ms, stall:ms,"
            + " truncate or malformed, optionally followed by xN for the first N requests (default 1), e.g. 429:1000x2";

    @Option(
            names = "--emulate",
            description = "Run against conform's built-in emulator of the provider APIs: offline, no keys")
    boolean emulate;

    @Option(
            names = "--emulate-fault",
            paramLabel = "FAULT",
            converter = RunFaultConverter.class,
            description = "With --emulate, i" + FAULT_HELP)
    RunFault fault;

    /** A fault without the emulator is a usage error. */
    void check() {
        if (fault != null && !emulate)
            throw new ConformException(
                    Diagnostic.error("E0011", "--emulate-fault needs --emulate").hint("add --emulate"));
    }

    /** The environment to plan with: under --emulate the keys the emulator stands in for count as set. */
    Map<String, String> planningEnvironment(Map<String, String> env) {
        return emulate ? Emulation.planningEnvironment(env) : env;
    }

    /** Under --emulate, the plan with the runs the emulator cannot serve skipped. */
    Plan restrict(Plan plan, ConformConfig config) {
        return emulate ? Emulation.restrict(plan, config) : plan;
    }

    /** Starts the emulator for the plan's runnable runs (null without --emulate) and says where it listens. */
    Emulator start(Plan plan, ConformConfig config, Console console, Consumer<String> log) {
        if (!emulate) return null;
        Emulator emulator = launch(
                0,
                Emulation.forRuns(plan, config),
                fault,
                console,
                log,
                ReferenceModel.Audience.CONFORMANCE_RUN,
                "check that conform may listen on 127.0.0.1");
        console.err("  emulator at " + emulator.url() + (fault == null ? "" : " · injecting " + fault.describe()));
        return emulator;
    }

    /** Starts the emulator on {@code port}; a failure is a usage error with the OS's reason and {@code hint}. */
    static Emulator launch(
            int port,
            EmulatedModels models,
            RunFault fault,
            Console console,
            Consumer<String> log,
            ReferenceModel.Audience audience,
            String hint) {
        try {
            return Emulator.start(port, models, fault, console.redactor(), log, audience);
        } catch (IOException e) {
            throw new ConformException(
                    Diagnostic.error(
                                    "E0014",
                                    "cannot start the emulator on 127.0.0.1" + (port == 0 ? "" : ":" + port) + ": "
                                            + e.getMessage())
                            .hint(hint),
                    ExitCode.USAGE,
                    e);
        }
    }
}
