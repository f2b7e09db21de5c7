package io.openoms.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.http.ApiClient.Response;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must hold after a restart, read back through the API and compared with every 2xx the app gave
 * before the kill. Violations go into the {@link CrashLedger}.
 */
final class CrashChecks {
    private static final List<String> OPEN = List.of(
            "CREATED",
            "PENDING_SUBMISSION",
            "SUBMITTED",
            "ACCEPTED",
            "PARTIALLY_FILLED",
            "PENDING_CANCEL",
            "PENDING_MODIFY");

    private final ApiClient client;
    private final String key;
    private final CrashLedger ledger;

    CrashChecks(ApiClient client, String key, CrashLedger ledger) {
        this.client = client;
        this.key = key;
        this.ledger = ledger;
    }

    /** Every order the store holds, with its fills and events; checks ids, fills and positions on the way. */
    Map<String, JsonNode> check(int round) {
        Map<String, JsonNode> orders = allOrders(round);
        acknowledgedOrdersAndChangesAreStored(round, orders);
        fillsAndPositionsAddUp(round, orders);
        return orders;
    }

    /**
     * Repeats acknowledged submits (the stored order must come back) and the submits a crash cut off (their
     * outcome is settled, so they join the acknowledged ones). Runs after {@link #check}, so a lost order is
     * found missing before a retry could recreate it.
     */
    void retry(Set<String> ids) {
        for (String id : ids) {
            CrashLedger.Submit first = ledger.submits().get(id);
            CrashLoad.checkRetry(ledger, id, first, client.post(key, "/api/v1/orders", first.body()));
        }
        ledger.unknownSubmits().forEach((id, body) -> {
            Response response = client.post(key, "/api/v1/orders", body);
            if (response.status() == 200 || response.status() == 201 || response.status() == 422) {
                ledger.submitted(id, body, response.json().path("status").asText());
            }
        });
    }

    /**
     * Orders without a decision, as "id STATUS createdAt": every order not in a terminal state, except a
     * working order ({@code ACCEPTED}, {@code PARTIALLY_FILLED}) created since {@code restarted}. Such an
     * order was placed at the venue that is running now (a submit the crash cut off, retried after the
     * restart), which knows it and shows it working: that is its decision. A working order from before the
     * restart is undecided, because the restarted venue no longer knows it.
     */
    List<String> undecided(Instant restarted) {
        return open(restarted, false);
    }

    /** The working orders {@link #undecided} leaves out, as "id STATUS createdAt". */
    List<String> workingSince(Instant restarted) {
        return open(restarted, true);
    }

    private List<String> open(Instant restarted, boolean workingSince) {
        JsonNode page = expect200("/api/v1/orders?limit=1000&status=" + String.join(",", OPEN));
        List<String> selected = new ArrayList<>();
        for (JsonNode order : page.path("items")) {
            String status = order.path("status").asText();
            Instant created = Instant.parse(order.path("createdAt").asText());
            boolean working =
                    (status.equals("ACCEPTED") || status.equals("PARTIALLY_FILLED")) && !created.isBefore(restarted);
            if (working == workingSince) {
                selected.add(order.path("id").asText() + " " + status + " " + created);
            }
        }
        return selected;
    }

    private Map<String, JsonNode> allOrders(int round) {
        Map<String, JsonNode> orders = new LinkedHashMap<>();
        Set<String> clientOrderIds = new HashSet<>();
        String cursor = null;
        do {
            String path = "/api/v1/orders?limit=1000"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = expect200(path);
            for (JsonNode order : page.path("items")) {
                String id = order.path("id").asText();
                if (orders.containsKey(id)) {
                    ledger.violation("round " + round + ": order id " + id + " listed twice");
                }
                if (!clientOrderIds.add(order.path("clientOrderId").asText())) {
                    ledger.violation("round " + round + ": clientOrderId " + id + " twice");
                }
                orders.put(id, null);
            }
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        for (String id : orders.keySet()) {
            orders.put(id, expect200("/api/v1/orders/" + id));
        }
        return orders;
    }

    private void acknowledgedOrdersAndChangesAreStored(int round, Map<String, JsonNode> orders) {
        ledger.submits().forEach((id, submit) -> {
            JsonNode order = orders.get(id);
            if (order == null) {
                ledger.violation("round " + round + ": acknowledged order " + id + " (answered " + submit.status()
                        + ") is gone after the restart");
                return;
            }
            JsonNode request = json(submit.body());
            if (!order.path("instrument")
                            .asText()
                            .equals(request.path("instrument").asText())
                    || !order.path("side").asText().equals(request.path("side").asText())
                    || !order.path("type").asText().equals(request.path("type").asText())) {
                ledger.violation("round " + round + ": order " + id + " is not the one acknowledged: " + order);
            }
            for (CrashLedger.Change change : ledger.changesOf(id)) {
                changeIsStored(round, order, change);
            }
        });
    }

    private void changeIsStored(int round, JsonNode order, CrashLedger.Change change) {
        String status = order.path("status").asText();
        long cancelRequests = eventCount(order, "OrderCancelRequested");
        long modifyRequests = eventCount(order, "OrderModifyRequested");
        boolean stored =
                switch (change.kind() + ":" + change.status()) {
                    case "cancel:PENDING_CANCEL" -> cancelRequests > 0;
                    case "cancel:CANCELLED" -> status.equals("CANCELLED");
                    case "modify:PENDING_MODIFY" -> modifyRequests > 0;
                    default -> true;
                };
        if (!stored) {
            ledger.violation("round " + round + ": acknowledged " + change.kind() + " of " + change.id()
                    + " (answered " + change.status() + ") is gone: order is " + status + ", events "
                    + eventTypes(order));
        }
    }

    private void fillsAndPositionsAddUp(int round, Map<String, JsonNode> orders) {
        Set<String> tradeIds = new HashSet<>();
        Map<String, BigDecimal> netByPosition = new HashMap<>();
        for (JsonNode order : orders.values()) {
            BigDecimal filled = BigDecimal.ZERO;
            for (JsonNode fill : order.path("fills")) {
                BigDecimal quantity = new BigDecimal(fill.path("quantity").asText());
                filled = filled.add(quantity);
                if (!tradeIds.add(fill.path("tradeId").asText())) {
                    ledger.violation("round " + round + ": trade id "
                            + fill.path("tradeId").asText() + " twice");
                }
                BigDecimal signed = order.path("side").asText().equals("BUY") ? quantity : quantity.negate();
                netByPosition.merge(positionKey(order), signed, BigDecimal::add);
            }
            if (filled.compareTo(new BigDecimal(order.path("filledQuantity").asText())) != 0) {
                ledger.violation(
                        "round " + round + ": order " + order.path("id").asText() + " filledQuantity "
                                + order.path("filledQuantity").asText() + " but its fills add up to " + filled);
            }
        }
        Map<String, BigDecimal> positions = new HashMap<>();
        for (JsonNode position :
                expect200("/api/v1/positions?includeClosed=true").path("items")) {
            positions.put(
                    positionKey(position),
                    new BigDecimal(position.path("quantity").asText()));
        }
        netByPosition.forEach((position, net) -> {
            BigDecimal held = positions.getOrDefault(position, BigDecimal.ZERO);
            if (held.compareTo(net) != 0) {
                ledger.violation("round " + round + ": position " + position + " is " + held
                        + " but its fills add up to " + net);
            }
        });
        positions.forEach((position, held) -> {
            if (held.signum() != 0 && !netByPosition.containsKey(position)) {
                ledger.violation("round " + round + ": position " + position + " is " + held + " without fills");
            }
        });
    }

    private static String positionKey(JsonNode node) {
        return node.path("account").asText() + "/" + node.path("strategy").asText() + "/"
                + node.path("instrument").asText() + "/" + node.path("product").asText();
    }

    private static long eventCount(JsonNode order, String type) {
        long count = 0;
        for (JsonNode event : order.path("events")) {
            if (event.path("type").asText().equals(type)) {
                count++;
            }
        }
        return count;
    }

    private static List<String> eventTypes(JsonNode order) {
        List<String> types = new ArrayList<>();
        order.path("events").forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    private JsonNode expect200(String path) {
        Response response = client.get(key, path);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + response);
        }
        return response.json();
    }

    private static JsonNode json(String body) {
        try {
            return ApiClient.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }
}
