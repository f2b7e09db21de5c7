package io.openoms.app.cli;

import static java.util.Objects.requireNonNull;

import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code oms run}: starts the server and runs until SIGTERM or Ctrl-C, then stops gracefully (stop
 * accepting, stop the schedules, drain the engine, flush the journal, close the broker) and exits 0
 * (1 when a shutdown step failed).
 */
@Command(
        name = "run",
        description = "Start the server (embedded H2 in ./data and the simulated venue by default).",
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    private final Map<String, String> environment;
    private final Function<OmsConfig, OmsRuntime> runtimes;

    RunCommand(Map<String, String> environment, Function<OmsConfig, OmsRuntime> runtimes) {
        this.environment = requireNonNull(environment, "environment is null");
        this.runtimes = requireNonNull(runtimes, "runtimes is null");
    }

    @Override
    public Integer call() throws InterruptedException {
        OmsConfig loaded = config.load(environment);
        OmsRuntime runtime = runtimes.apply(loaded);
        runtime.start();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            boolean clean = runtime.stop();
                            // The JVM would exit 143 after SIGTERM; a graceful stop is a success.
                            Runtime.getRuntime().halt(clean ? 0 : 1);
                        },
                        "oms-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "OpenOMS is running on http://%s:%d (broker %s, database %s), dashboard at http://%1$s:%2$d/ui/;"
                        + " stop it with Ctrl-C or SIGTERM%n",
                loaded.http().host(),
                runtime.httpPort(),
                loaded.broker().name(),
                loaded.database().embedded()
                        ? "embedded in "
                                + loaded.dataDirectory().toAbsolutePath().normalize()
                        : "server");
        out.flush();
        runtime.awaitStopped();
        return 0;
    }
}
