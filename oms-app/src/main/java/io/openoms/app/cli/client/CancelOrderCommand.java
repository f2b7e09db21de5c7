package io.openoms.app.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.app.text.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oms orders cancel ID} ({@code DELETE /api/v1/orders/{id}}) or {@code oms orders cancel --all}
 * with optional filters ({@code POST /api/v1/orders/cancel-all}). A cancel-all that the server refused
 * for some orders exits 5 after listing them: a script must not believe the book is flat.
 */
@Command(
        name = "cancel",
        description = "Cancel an order (DELETE /api/v1/orders/{id}), or with --all every open order matching the"
                + " filters (POST /api/v1/orders/cancel-all).",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class CancelOrderCommand extends ApiCommand {
    @Parameters(paramLabel = "ID", arity = "0..1", description = "The order's id (or --all).")
    String id;

    @Option(names = "--all", description = "Cancel every open order (matching --account, --strategy, --instrument).")
    boolean all;

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "With --all: only this account's orders.")
    String account;

    @Option(names = "--strategy", paramLabel = "STRATEGY", description = "With --all: only this strategy's orders.")
    String strategy;

    @Option(
            names = "--instrument",
            paramLabel = "INSTRUMENT",
            description = "With --all: only orders for this instrument.")
    String instrument;

    CancelOrderCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    ClientExitCode run(OmsServer server, PrintWriter out) {
        boolean filtered = account != null || strategy != null || instrument != null;
        if (all == (id != null)) {
            throw ClientFailure.usage("give an order ID, or --all (with optional filters), not both");
        }
        if (!all && filtered) {
            throw ClientFailure.usage("--account, --strategy and --instrument filter --all; with an ID leave them out");
        }
        return all ? cancelAll(server, out) : cancelOne(server, out, ClientInput.orderId("ID", id));
    }

    private ClientExitCode cancelOne(OmsServer server, PrintWriter out, String orderId) {
        ServerAnswer answer = server.send("DELETE", "/api/v1/orders/" + OmsServer.segment(orderId), null);
        JsonNode order = answer.orFail();
        if (json()) {
            printJson(out, answer);
            return ClientExitCode.OK;
        }
        out.println("cancel of order " + orderId + " requested: "
                + order.path("status").asText());
        OrderTables.list(out, List.of(order));
        return ClientExitCode.OK;
    }

    private ClientExitCode cancelAll(OmsServer server, PrintWriter out) {
        ObjectNode body = OmsServer.JSON.createObjectNode();
        putText(body, "account", account);
        putText(body, "strategy", strategy);
        putText(body, "instrument", instrument);
        ServerAnswer answer = server.send("POST", "/api/v1/orders/cancel-all", body);
        JsonNode result = answer.orFail();
        List<String> requested = new ArrayList<>();
        result.path("requested").forEach(requestedId -> requested.add(requestedId.asText()));
        JsonNode refused = result.path("refused");
        if (json()) {
            printJson(out, answer);
        } else {
            out.println(
                    requested.isEmpty()
                            ? "no open order to cancel"
                            : "cancel requested for " + requested.size() + " order(s): "
                                    + String.join(", ", requested));
            if (!refused.isEmpty()) {
                out.println("refused:");
                TextTable table = new TextTable().text("ID").text("REASON");
                Iterator<Map.Entry<String, JsonNode>> entries = refused.fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    table.row(entry.getKey(), entry.getValue().asText());
                }
                table.print(out);
            }
        }
        if (!refused.isEmpty()) {
            throw new ClientFailure(
                    ClientExitCode.REFUSED,
                    refused.size() + " order(s) could not be cancelled (listed above); check them with 'oms orders"
                            + " show ID'");
        }
        return ClientExitCode.OK;
    }

    private static void putText(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value.strip());
        }
    }
}
