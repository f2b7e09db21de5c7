package io.openoms.app.cli;

import static java.util.Objects.requireNonNull;

import io.openoms.app.config.HttpConfig;
import io.openoms.app.config.Secret;
import io.openoms.app.demo.DemoApp;
import io.openoms.app.demo.DemoOutcome;
import io.openoms.app.demo.DemoReport;
import io.openoms.app.demo.QuietLogs;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oms demo}: starts the application in-process on a temporary embedded database (deleted
 * afterwards) with the simulated venue and no HTTP server, plays a scripted session (see {@code
 * DemoScript}), and prints its orders, positions and P&amp;L as tables on stdout, one progress line per
 * step on stderr. Exits 0 when every step behaved as expected, else 1 with one line on stderr naming
 * the step. It reads no configuration file and no {@code OMS_*} setting (the session's outcomes depend
 * on its own instruments, limits and venue), except {@code OMS_LOG_LEVEL}: without it, the
 * application's logs are kept to warnings so the progress lines stand out.
 */
@Command(
        name = "demo",
        description = {
            "Play a short scripted trading session against the simulated venue and print its orders,"
                    + " positions and P&L: orders of every type, a partial fill, a cancel, a modify, a risk"
                    + " rejection and the kill switch.",
            "Runs in-process on a temporary embedded database that is deleted afterwards, with no HTTP server"
                    + " unless --serve. Reads neither oms.yaml nor OMS_* settings, so your data directory, database"
                    + " and broker are never touched. Exits 0 when the session behaved as expected, else 1 naming"
                    + " the step.",
            "With --serve it then keeps the session open on 127.0.0.1 and prints the web dashboard's address and"
                    + " a one-off admin API key to sign in with; Ctrl-C stops it and deletes the database."
        },
        mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--serve",
            description = "After the session, keep serving it: the REST API and the dashboard at /ui/ until Ctrl-C.")
    boolean serve;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description =
                    "The port to serve on with --serve, on 127.0.0.1 (0: any free port; default ${DEFAULT-VALUE}).")
    int port;

    private final Map<String, String> environment;

    DemoCommand(Map<String, String> environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemoOutcome outcome;
        QuietLogs quiet = environment.containsKey("OMS_LOG_LEVEL") ? QuietLogs.none() : QuietLogs.start();
        try {
            err.println("oms demo: starting OpenOMS in-process: a temporary embedded database, the simulated venue"
                    + " (fixed seed, no random walk, prices set by the script), no HTTP server");
            err.flush();
            if (serve) {
                return serve(out, err);
            }
            try (DemoApp app = DemoApp.start()) {
                err.println("oms demo: started; the database is in " + app.directory() + ", deleted at the end");
                err.flush();
                outcome = app.play(err);
                DemoReport.print(outcome, out);
            }
        } finally {
            quiet.close();
        }
        if (!outcome.behaved()) {
            err.println("oms demo: " + outcome.failure().orElseThrow());
            err.flush();
            return Cli.FAILED;
        }
        err.println("oms demo: the session behaved as expected; the temporary database was deleted");
        err.flush();
        return 0;
    }

    private Integer serve(PrintWriter out, PrintWriter err) throws InterruptedException {
        if (port < 0 || port > 65_535) {
            err.println("oms demo: --port must be between 0 and 65535, not " + port);
            err.flush();
            return Cli.FAILED;
        }
        // A key for this session only: the temporary database and its key file go away with it.
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = "oms_demo_" + HexFormat.of().formatHex(random);
        DemoApp app = DemoApp.serving(HttpConfig.DEFAULT.withPort(port), Secret.of(key));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            boolean clean = true;
                            try {
                                app.close();
                            } catch (RuntimeException e) {
                                clean = false;
                            }
                            // The JVM would exit 130 after Ctrl-C; a graceful stop is a success.
                            Runtime.getRuntime().halt(clean ? 0 : 1);
                        },
                        "oms-demo-shutdown"));
        err.println("oms demo: started; the database is in " + app.directory() + ", deleted when you stop it");
        err.flush();
        DemoOutcome outcome = app.play(err);
        DemoReport.print(outcome, out);
        if (!outcome.behaved()) {
            err.println("oms demo: " + outcome.failure().orElseThrow());
        }
        out.println("oms demo: the dashboard is at http://" + HttpConfig.DEFAULT.host() + ":" + app.httpPort()
                + "/ui/ (sign in with the API key " + key + "); Ctrl-C stops it");
        out.flush();
        err.flush();
        app.awaitStopped();
        return outcome.behaved() ? 0 : Cli.FAILED;
    }
}
