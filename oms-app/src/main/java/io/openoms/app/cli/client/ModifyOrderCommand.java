package io.openoms.app.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oms orders modify ID}: {@code PATCH /api/v1/orders/{id}}. The server answers at once with the
 * order {@code PENDING_MODIFY}; the broker's answer follows as order events.
 */
@Command(
        name = "modify",
        description = "Modify an open order's quantity, price or trigger price (PATCH /api/v1/orders/{id}).",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class ModifyOrderCommand extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "The order's id.")
    String id;

    @Option(
            names = {"-q", "--quantity"},
            paramLabel = "QTY",
            description = "The new total quantity, including what is already filled.")
    String quantity;

    @Option(
            names = {"-p", "--price"},
            paramLabel = "PRICE",
            description = "The new limit price.")
    String price;

    @Option(names = "--trigger-price", paramLabel = "PRICE", description = "The new trigger price.")
    String triggerPrice;

    ModifyOrderCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    ClientExitCode run(OmsServer server, PrintWriter out) {
        String orderId = ClientInput.orderId("ID", id);
        ObjectNode body = OmsServer.JSON.createObjectNode();
        if (quantity != null) {
            body.put("quantity", ClientInput.positiveDecimal("--quantity", quantity));
        }
        if (price != null) {
            body.put("price", ClientInput.positiveDecimal("--price", price));
        }
        if (triggerPrice != null) {
            body.put("triggerPrice", ClientInput.positiveDecimal("--trigger-price", triggerPrice));
        }
        if (body.isEmpty()) {
            throw ClientFailure.usage("give at least one of --quantity, --price, --trigger-price");
        }
        ServerAnswer answer = server.send("PATCH", "/api/v1/orders/" + OmsServer.segment(orderId), body);
        JsonNode order = answer.orFail();
        if (json()) {
            printJson(out, answer);
            return ClientExitCode.OK;
        }
        out.println("modification of order " + orderId + " requested: "
                + order.path("status").asText() + " ('oms orders show " + orderId + "' follows the broker's answer)");
        OrderTables.list(out, List.of(order));
        return ClientExitCode.OK;
    }
}
