package io.openoms.app.cli.client;

import static io.openoms.app.cli.client.JsonCells.cell;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oms risk state}: {@code GET /api/v1/risk/trading-state}. */
@Command(
        name = "state",
        description = "Show the trading state: ACTIVE, REDUCING or HALTED, with its reason (GET"
                + " /api/v1/risk/trading-state).",
        mixinStandardHelpOptions = true)
final class TradingStateCommand extends ApiCommand {
    @Option(names = "--account", paramLabel = "ACCOUNT", description = "Needed when the server has several.")
    String account;

    TradingStateCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    ClientExitCode run(OmsServer server, PrintWriter out) {
        ServerAnswer answer =
                server.get(OmsServer.path("/api/v1/risk/trading-state", Collections.singletonMap("account", account)));
        JsonNode state = answer.orFail();
        if (json()) {
            printJson(out, answer);
        } else {
            out.println(describe(state));
        }
        return ClientExitCode.OK;
    }

    static String describe(JsonNode state) {
        return "trading state of " + cell(state, "account") + ": " + cell(state, "state") + " (" + cell(state, "reason")
                + "; set by " + cell(state, "changedBy") + " at " + cell(state, "changedAt") + ")";
    }
}
