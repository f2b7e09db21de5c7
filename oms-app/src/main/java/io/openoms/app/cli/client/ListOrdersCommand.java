package io.openoms.app.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.domain.order.OrderStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oms orders list}: {@code GET /api/v1/orders}, following the {@code next} cursor for as many
 * pages as {@code --limit} or {@code --all} ask. With {@code --json} the pages read are printed as one
 * {@code {"items": [...], "next": cursor}} object.
 */
@Command(
        name = "list",
        description = "List orders (GET /api/v1/orders) by id, descending: newest first for server-made ids.",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class ListOrdersCommand extends ApiCommand {
    static final int DEFAULT_LIMIT = 100;
    private static final int MAX_PAGE = 1000;

    @Option(
            names = "--status",
            split = ",",
            paramLabel = "STATUS",
            description = "Only these statuses (repeat or comma-separate), e.g. ACCEPTED,PARTIALLY_FILLED.")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--instrument", paramLabel = "INSTRUMENT", description = "NSE:INFY, or a bare symbol.")
    String instrument;

    @Option(names = "--strategy", paramLabel = "STRATEGY")
    String strategy;

    @Option(names = "--account", paramLabel = "ACCOUNT")
    String account;

    @Option(
            names = "--from",
            paramLabel = "WHEN",
            description = "Created at or after: 2026-01-05T09:15:00Z, or a date (UTC).")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", description = "Created before: an instant or a date (UTC).")
    String to;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "Print at most N orders, reading as many pages as needed; default: " + DEFAULT_LIMIT + ".")
    String limit;

    @Option(names = "--all", description = "Print every matching order, reading every page.")
    boolean all;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Start at this cursor (a 'next' of a page).")
    String cursor;

    @Option(
            names = "--page-size",
            paramLabel = "N",
            description = "Orders per request (1-" + MAX_PAGE + "; default " + MAX_PAGE + ").")
    String pageSize;

    ListOrdersCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    ClientExitCode run(OmsServer server, PrintWriter out) {
        if (all && limit != null) {
            throw ClientFailure.usage("give --all or --limit, not both");
        }
        long wanted = all
                ? Long.MAX_VALUE
                : limit == null ? DEFAULT_LIMIT : ClientInput.wholeNumber("--limit", limit, 1, Integer.MAX_VALUE);
        long page = pageSize == null ? MAX_PAGE : ClientInput.wholeNumber("--page-size", pageSize, 1, MAX_PAGE);
        Map<String, String> filters = filters();
        List<JsonNode> orders = new ArrayList<>();
        String next = cursor;
        do {
            Map<String, String> query = new LinkedHashMap<>(filters);
            query.put("limit", Long.toString(Math.min(page, wanted - orders.size())));
            query.put("cursor", next);
            JsonNode answer =
                    server.get(OmsServer.path("/api/v1/orders", query)).orFail();
            answer.path("items").forEach(orders::add);
            next = answer.path("next").isTextual() ? answer.path("next").asText() : null;
        } while (next != null && orders.size() < wanted);
        if (json()) {
            ObjectNode combined = OmsServer.JSON.createObjectNode();
            ArrayNode items = combined.putArray("items");
            orders.forEach(items::add);
            combined.put("next", next);
            printJson(out, combined);
            return ClientExitCode.OK;
        }
        if (orders.isEmpty()) {
            out.println("no orders match");
        } else {
            OrderTables.list(out, orders);
        }
        if (next != null) {
            out.println("(more orders: add --cursor " + next + ", or use --all)");
        }
        return ClientExitCode.OK;
    }

    private Map<String, String> filters() {
        Map<String, String> query = new LinkedHashMap<>();
        if (!statuses.isEmpty()) {
            List<String> checked = new ArrayList<>();
            for (String status : statuses) {
                checked.add(ClientInput.choice("--status", status, OrderStatus.class));
            }
            query.put("status", String.join(",", checked));
        }
        query.put("instrument", instrument);
        query.put("strategy", strategy);
        query.put("account", account);
        query.put("from", from == null ? null : ClientInput.instant("--from", from));
        query.put("to", to == null ? null : ClientInput.instant("--to", to));
        return query;
    }
}
