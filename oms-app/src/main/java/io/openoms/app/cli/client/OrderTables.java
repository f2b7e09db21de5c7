package io.openoms.app.cli.client;

import static io.openoms.app.cli.client.JsonCells.cell;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.text.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How orders look on a terminal: a table of many, or one in full with its fills and events. */
final class OrderTables {
    private static final Set<String> EVENT_HEADER_FIELDS = Set.of("orderId", "sequence", "type", "occurredAt");

    private OrderTables() {}

    static void list(PrintWriter out, Iterable<JsonNode> orders) {
        TextTable table = new TextTable()
                .text("ID")
                .text("STATUS")
                .text("INSTRUMENT")
                .text("SIDE")
                .text("TYPE")
                .number("QUANTITY")
                .number("FILLED")
                .number("PRICE")
                .number("TRIGGER")
                .number("AVG PRICE")
                .text("TIF")
                .text("STRATEGY")
                .text("CREATED");
        for (JsonNode order : orders) {
            table.row(
                    cell(order, "id"),
                    cell(order, "status"),
                    cell(order, "instrument"),
                    cell(order, "side"),
                    cell(order, "type"),
                    cell(order, "quantity"),
                    cell(order, "filledQuantity"),
                    cell(order, "price"),
                    cell(order, "triggerPrice"),
                    cell(order, "averageFillPrice"),
                    cell(order, "timeInForce"),
                    cell(order, "strategy"),
                    cell(order, "createdAt"));
        }
        table.print(out);
    }

    static void detail(PrintWriter out, JsonNode order) {
        new TextTable()
                .text("FIELD")
                .text("VALUE")
                .withoutHeader()
                .row("id", cell(order, "id"))
                .row("status", cell(order, "status"))
                .row("instrument", cell(order, "instrument"))
                .row("side", cell(order, "side"))
                .row("type", cell(order, "type"))
                .row("quantity", cell(order, "quantity"))
                .row("filled", cell(order, "filledQuantity"))
                .row("remaining", cell(order, "remainingQuantity"))
                .row("price", cell(order, "price"))
                .row("trigger price", cell(order, "triggerPrice"))
                .row("average fill price", cell(order, "averageFillPrice"))
                .row("fees", cell(order, "fees"))
                .row("time in force", cell(order, "timeInForce"))
                .row("expires at", cell(order, "expiresAt"))
                .row("product", cell(order, "product"))
                .row("account", cell(order, "account"))
                .row("strategy", cell(order, "strategy"))
                .row("tag", cell(order, "tag"))
                .row("reduce only", cell(order, "reduceOnly"))
                .row("broker order id", cell(order, "brokerOrderId"))
                .row("rejection", rejection(order.path("rejection")))
                .row("outcome unknown", outcomeUnknown(order.path("outcomeUnknown")))
                .row("created at", cell(order, "createdAt"))
                .row("updated at", cell(order, "updatedAt"))
                .print(out);
        JsonNode fills = order.path("fills");
        out.println();
        if (fills.isEmpty()) {
            out.println("Fills: none");
        } else {
            out.println("Fills:");
            TextTable table = new TextTable()
                    .text("TRADE ID")
                    .number("QUANTITY")
                    .number("PRICE")
                    .number("FEE")
                    .text("EXECUTED AT")
                    .text("LIQUIDITY");
            for (JsonNode fill : fills) {
                table.row(
                        cell(fill, "tradeId"),
                        cell(fill, "quantity"),
                        cell(fill, "price"),
                        cell(fill, "fee"),
                        cell(fill, "executedAt"),
                        cell(fill, "liquidity"));
            }
            table.print(out);
        }
        JsonNode events = order.path("events");
        if (!events.isMissingNode()) {
            out.println();
            out.println("Events:");
            TextTable table = new TextTable()
                    .number("SEQ")
                    .text("TYPE")
                    .text("OCCURRED AT")
                    .text("DETAIL");
            for (JsonNode event : events) {
                table.row(cell(event, "sequence"), cell(event, "type"), cell(event, "occurredAt"), eventDetail(event));
            }
            table.print(out);
        }
    }

    static String rejection(JsonNode rejection) {
        if (!rejection.isObject()) {
            return TextTable.ABSENT;
        }
        String check = rejection.path("check").isTextual()
                ? " " + rejection.path("check").asText()
                : "";
        return rejection.path("source").asText("") + check + ": "
                + rejection.path("reason").asText("");
    }

    private static String outcomeUnknown(JsonNode unknown) {
        if (!unknown.isObject()) {
            return TextTable.ABSENT;
        }
        return unknown.path("operation").asText("") + " since "
                + unknown.path("since").asText("") + ": "
                + unknown.path("reason").asText("");
    }

    /** What an event carries beyond its header, as {@code key=value} pairs; nested objects flattened. */
    static String eventDetail(JsonNode event) {
        List<String> pairs = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = event.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!EVENT_HEADER_FIELDS.contains(field.getKey())) {
                flatten(field.getKey(), field.getValue(), pairs);
            }
        }
        return pairs.isEmpty() ? TextTable.ABSENT : String.join(" ", pairs);
    }

    private static void flatten(String name, JsonNode value, List<String> pairs) {
        if (value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(inner -> flatten(inner.getKey(), inner.getValue(), pairs));
        } else if (value.isValueNode()) {
            pairs.add(name + "=" + value.asText());
        } else {
            pairs.add(name + "=" + value);
        }
    }
}
