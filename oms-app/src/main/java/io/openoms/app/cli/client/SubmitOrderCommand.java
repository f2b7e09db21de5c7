package io.openoms.app.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.value.Side;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oms orders submit}: {@code POST /api/v1/orders}. A risk rejection (422) prints the check and
 * the reason and exits 6; the rejected order is stored and shows in {@code oms orders list}.
 */
@Command(
        name = "submit",
        description = "Submit an order (POST /api/v1/orders). Give --client-order-id from scripts: repeating a"
                + " submit with the same id never places a second order.",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class SubmitOrderCommand extends ApiCommand {
    @Option(
            names = {"-i", "--instrument"},
            required = true,
            paramLabel = "EXCHANGE:SYMBOL",
            description = "The instrument, e.g. NSE:INFY.")
    String instrument;

    @Option(
            names = {"-s", "--side"},
            required = true,
            paramLabel = "SIDE",
            description = "BUY or SELL.")
    String side;

    @Option(
            names = {"-q", "--quantity"},
            required = true,
            paramLabel = "QTY",
            description = "A positive decimal.")
    String quantity;

    @Option(
            names = {"-t", "--type"},
            required = true,
            paramLabel = "TYPE",
            description = "MARKET, LIMIT, STOP (stop-market) or STOP_LIMIT.")
    String type;

    @Option(
            names = {"-p", "--price"},
            paramLabel = "PRICE",
            description = "The limit price (LIMIT, STOP_LIMIT).")
    String price;

    @Option(names = "--trigger-price", paramLabel = "PRICE", description = "The trigger price (STOP, STOP_LIMIT).")
    String triggerPrice;

    @Option(
            names = {"--time-in-force", "--tif"},
            paramLabel = "TIF",
            description = "DAY (default), IOC, GTC or GTD (the default with --expires).")
    String timeInForce;

    @Option(
            names = "--expires",
            paramLabel = "WHEN",
            description = "GTD expiry: an instant (2026-01-05T10:00:00Z) or a time from now (90s, 30m, 2h, 1d).")
    String expires;

    @Option(names = "--product", paramLabel = "PRODUCT", description = "CNC (default), MIS, NRML, ...")
    String product;

    @Option(
            names = "--account",
            paramLabel = "ACCOUNT",
            description = "The account; needed when the server has several.")
    String account;

    @Option(names = "--strategy", paramLabel = "STRATEGY", description = "The strategy; default: manual.")
    String strategy;

    @Option(
            names = "--tag",
            paramLabel = "TAG",
            description = "A tag for the order (1-64 of letters, digits, _ . : -).")
    String tag;

    @Option(
            names = "--client-order-id",
            paramLabel = "ID",
            description = "Your id for the order: makes the submit safe to repeat; becomes the order's id.")
    String clientOrderId;

    @Option(names = "--reduce-only", description = "Only shrink a position (allowed while trading is REDUCING).")
    boolean reduceOnly;

    @Option(names = "--stop-loss", paramLabel = "PRICE", description = "For the risk-per-trade check.")
    String stopLoss;

    @Option(names = "--take-profit", paramLabel = "PRICE", description = "For the reward-to-risk check.")
    String takeProfit;

    SubmitOrderCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    ClientExitCode run(OmsServer server, PrintWriter out) {
        ObjectNode body = request();
        ServerAnswer answer = server.send("POST", "/api/v1/orders", body);
        JsonNode order = answer.orFail();
        if (json()) {
            printJson(out, answer);
            return ClientExitCode.OK;
        }
        if (answer.status() == 200) {
            out.println("order " + order.path("id").asText() + " already existed with this client order id;"
                    + " nothing new was submitted:");
        } else {
            out.println("order " + order.path("id").asText() + " submitted: "
                    + order.path("status").asText());
        }
        OrderTables.list(out, List.of(order));
        if (order.path("rejection").isObject()) {
            out.println("rejection: " + OrderTables.rejection(order.path("rejection")));
        }
        return ClientExitCode.OK;
    }

    /** The request body, every value checked; decimals as JSON strings so that no digit is lost. */
    ObjectNode request() {
        ObjectNode body = OmsServer.JSON.createObjectNode();
        body.put("instrument", instrument.strip());
        body.put("side", ClientInput.choice("--side", side, Side.class));
        body.put("quantity", ClientInput.positiveDecimal("--quantity", quantity));
        body.put("type", ClientInput.choice("--type", type, OrderType.class));
        if (price != null) {
            body.put("price", ClientInput.positiveDecimal("--price", price));
        }
        if (triggerPrice != null) {
            body.put("triggerPrice", ClientInput.positiveDecimal("--trigger-price", triggerPrice));
        }
        if (timeInForce != null) {
            body.put("timeInForce", ClientInput.choice("--time-in-force", timeInForce, TimeInForce.class));
        }
        if (expires != null) {
            if (expires.strip().matches("\\d{4}-.*")) {
                body.put("expiresAt", ClientInput.instant("--expires", expires));
            } else {
                Duration in = ClientInput.duration("--expires", expires);
                body.put("expiresInSeconds", in.toSeconds());
            }
        }
        putText(body, "product", product);
        putText(body, "account", account);
        putText(body, "strategy", strategy);
        putText(body, "tag", tag);
        if (clientOrderId != null) {
            body.put("clientOrderId", ClientInput.orderId("--client-order-id", clientOrderId));
        }
        if (reduceOnly) {
            body.put("reduceOnly", true);
        }
        if (stopLoss != null) {
            body.put("stopLoss", ClientInput.positiveDecimal("--stop-loss", stopLoss));
        }
        if (takeProfit != null) {
            body.put("takeProfit", ClientInput.positiveDecimal("--take-profit", takeProfit));
        }
        return body;
    }

    private static void putText(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value.strip());
        }
    }
}
