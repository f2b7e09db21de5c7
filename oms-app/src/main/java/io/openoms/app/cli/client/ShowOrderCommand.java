package io.openoms.app.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code oms orders show ID}: {@code GET /api/v1/orders/{id}}, the order with its fills and events. */
@Command(
        name = "show",
        description = "Show one order with its fills and its event history (GET /api/v1/orders/{id}).",
        mixinStandardHelpOptions = true)
final class ShowOrderCommand extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "The order's id (its client order id).")
    String id;

    ShowOrderCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    ClientExitCode run(OmsServer server, PrintWriter out) {
        String orderId = ClientInput.orderId("ID", id);
        ServerAnswer answer = server.get("/api/v1/orders/" + OmsServer.segment(orderId));
        JsonNode order = answer.orFail();
        if (json()) {
            printJson(out, answer);
        } else {
            OrderTables.detail(out, order);
        }
        return ClientExitCode.OK;
    }
}
