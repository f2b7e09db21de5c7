package io.openoms.app.cli.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a running server. It checks its input, sends its requests and prints the
 * answer as a table, or as the server's JSON with {@code --json}. Whatever goes wrong ends as one line
 * on stderr ({@code oms orders submit: ...}) and a {@link ClientExitCode}.
 */
abstract class ApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions serverOptions;

    private final Map<String, String> environment;

    ApiCommand(Map<String, String> environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            OmsServer server = serverOptions.server(environment);
            return run(server, out).code();
        } catch (ClientFailure failure) {
            if (serverOptions.json) {
                failure.serverJson().ifPresent(out::println);
            }
            err.println(spec.qualifiedName() + ": " + failure.getMessage());
            return failure.exitCode().code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Checks the input, talks to {@code server}, prints on {@code out}; fails with a {@link ClientFailure}. */
    abstract ClientExitCode run(OmsServer server, PrintWriter out);

    boolean json() {
        return serverOptions.json;
    }

    /** Prints a successful answer's body as the server sent it ({@code --json}). */
    static void printJson(PrintWriter out, ServerAnswer answer) {
        out.println(answer.body().strip());
    }

    static void printJson(PrintWriter out, JsonNode node) {
        out.println(OmsServer.text(node));
    }
}
