package io.openoms.app.cli.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.domain.risk.TradingState;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oms risk halt | reduce | resume --reason R}: {@code PUT /api/v1/risk/trading-state} (admin).
 * The reason is recorded with the key's name; it is what the next person reads.
 */
abstract class SetTradingStateCommand extends ApiCommand {
    @Option(
            names = "--reason",
            required = true,
            paramLabel = "REASON",
            description = "Why; recorded with the change and shown by 'oms risk state'.")
    String reason;

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "Needed when the server has several.")
    String account;

    private final TradingState state;

    SetTradingStateCommand(Map<String, String> environment, TradingState state) {
        super(environment);
        this.state = requireNonNull(state, "state is null");
    }

    @Override
    ClientExitCode run(OmsServer server, PrintWriter out) {
        ObjectNode body = OmsServer.JSON.createObjectNode();
        body.put("state", state.name());
        body.put("reason", ClientInput.nonBlank("--reason", reason));
        if (account != null) {
            body.put("account", account.strip());
        }
        ServerAnswer answer = server.send("PUT", "/api/v1/risk/trading-state", body);
        JsonNode changed = answer.orFail();
        if (json()) {
            printJson(out, answer);
        } else {
            out.println(TradingStateCommand.describe(changed));
        }
        return ClientExitCode.OK;
    }

    /** {@code oms risk halt}: the kill switch. */
    @Command(
            name = "halt",
            description = "Halt trading (the kill switch): every new order is refused except reduce-only ones;"
                    + " cancels still work. Admin.",
            mixinStandardHelpOptions = true)
    static final class Halt extends SetTradingStateCommand {
        Halt(Map<String, String> environment) {
            super(environment, TradingState.HALTED);
        }
    }

    /** {@code oms risk reduce}. */
    @Command(
            name = "reduce",
            description = "Only let orders through that reduce exposure. Admin.",
            mixinStandardHelpOptions = true)
    static final class Reduce extends SetTradingStateCommand {
        Reduce(Map<String, String> environment) {
            super(environment, TradingState.REDUCING);
        }
    }

    /** {@code oms risk resume}. */
    @Command(name = "resume", description = "Resume normal trading (ACTIVE). Admin.", mixinStandardHelpOptions = true)
    static final class Resume extends SetTradingStateCommand {
        Resume(Map<String, String> environment) {
            super(environment, TradingState.ACTIVE);
        }
    }
}
