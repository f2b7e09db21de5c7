package io.openoms.app.cli;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.persistence.DatabaseUnavailableException;
import io.openoms.app.cli.client.ClientCommands;
import io.openoms.app.config.ConfigException;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.Logging;
import io.openoms.app.runtime.OmsRuntime;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;

/**
 * The command line: {@code oms run | migrate | config | zerodha | demo | bench}. Later commands (the
 * client commands) are added in {@link #commandLine} the same way. Exit codes: 0 success, 1 the
 * command failed, 2 bad usage or invalid configuration. Every failure prints one line on stderr
 * saying what went wrong and what to do; details go to the log.
 */
public final class Cli {
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Cli() {}

    /**
     * Runs {@code args}. {@code runtimes} builds the application for a configuration (the composition
     * root's job); {@code environment} stands for the process environment.
     */
    public static int execute(
            String[] args,
            Map<String, String> environment,
            Function<OmsConfig, OmsRuntime> runtimes,
            PrintWriter out,
            PrintWriter err) {
        Logging.bridgeJavaUtilLogging();
        CommandLine commandLine = commandLine(environment, runtimes);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    static CommandLine commandLine(Map<String, String> environment, Function<OmsConfig, OmsRuntime> runtimes) {
        requireNonNull(environment, "environment is null");
        requireNonNull(runtimes, "runtimes is null");
        CommandLine commandLine = new CommandLine(new OmsCommand())
                .addSubcommand(new RunCommand(environment, runtimes))
                .addSubcommand(new MigrateCommand(environment))
                .addSubcommand(new ConfigCommand(environment))
                .addSubcommand(ApiKeysCommand.commandLine(environment))
                .addSubcommand(WebhooksCommand.commandLine(environment))
                .addSubcommand(new CommandLine(new ZerodhaCommand())
                        .addSubcommand(new ZerodhaCommand.LoginUrl(environment))
                        .addSubcommand(new ZerodhaCommand.Session(environment)))
                .addSubcommand(new DemoCommand(environment))
                .addSubcommand(new BenchCommand(environment));
        commandLine.setExecutionExceptionHandler((e, line, parseResult) -> {
            PrintWriter err = line.getErr();
            if (e instanceof ConfigException) {
                err.println(
                        "oms: invalid configuration: " + e.getMessage() + " ('oms config' shows the effective values)");
                err.flush();
                return USAGE;
            }
            err.println("oms " + line.getCommandName() + ": " + describe(e));
            err.flush();
            org.slf4j.LoggerFactory.getLogger(Cli.class).debug("command failed", e);
            return FAILED;
        });
        commandLine.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("oms: " + e.getMessage() + "; see '"
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            err.flush();
            return USAGE;
        });
        ClientCommands.addTo(commandLine, environment);
        return commandLine;
    }

    /** The root cause, in one line, with a hint for the failures an operator can fix. */
    static String describe(Throwable e) {
        Throwable root = e;
        Throwable database = null;
        boolean portTaken = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (database == null && (t instanceof DatabaseUnavailableException || t instanceof java.sql.SQLException)) {
                database = t;
            }
            portTaken |= t instanceof java.net.BindException;
            root = t;
        }
        String rootMessage = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (portTaken) {
            // the outermost message names the address; the root only says "Address already in use"
            return e.getMessage() + "; stop what listens there or choose another port (http.port / OMS_HTTP_PORT)";
        }
        if (database == null) {
            return rootMessage;
        }
        String databaseMessage = String.valueOf(database.getMessage());
        String detail = database == root || databaseMessage.contains(rootMessage)
                ? databaseMessage
                : databaseMessage + " (" + rootMessage + ")";
        return "cannot use the database: " + detail + "; check database.url / OMS_DB_URL, OMS_DB_USER, OMS_DB_PASSWORD";
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"OpenOMS " + (version == null ? "(development build)" : version)};
        }
    }
}
