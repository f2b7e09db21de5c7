package io.openoms.adapters.broker.alpaca;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.value.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca through the Trading API v2: place ({@code POST /v2/orders}), replace ({@code PATCH
 * /v2/orders/{id}}), cancel ({@code DELETE /v2/orders/{id}}), orders, fills (account activities),
 * positions, account and clock.
 *
 * <p>It never retries a command: a timeout, a 5xx or an answer it cannot read is {@code
 * OutcomeUnknown}, and the caller finds the order by its {@code client_order_id} (ours) with
 * {@link #findOrder} before anything else; Alpaca refuses a second order with the same {@code
 * client_order_id}, which guards against a double placement even then.
 *
 * <p>Replacements: the order's broker order id stays the first Alpaca id of its replace chain (see
 * {@link AlpacaOrderChains}); every view, fill and command is translated at this edge.
 *
 * <p>Thread safety: safe from any thread; calls block on I/O.
 */
public final class AlpacaBrokerGateway implements BrokerGateway {
    public static final String NAME = AlpacaHttp.BROKER;
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBrokerGateway.class);
    private static final int MAX_CHAIN = 50;
    private static final int PAGE = 500;

    private final AlpacaHttp http;
    private final AlpacaOrderMapper mapper;
    private final AlpacaOrderChains chains = new AlpacaOrderChains();
    private final Clock clock;

    public AlpacaBrokerGateway(AlpacaConfig config, RateLimitGuard rateLimits, OkHttpClient http, Clock clock) {
        requireNonNull(config, "config is null");
        this.http = new AlpacaHttp(
                config,
                requireNonNull(http, "http is null"),
                Optional.of(requireNonNull(rateLimits, "rateLimits is null")));
        this.mapper = new AlpacaOrderMapper(config);
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    AlpacaOrderMapper mapper() {
        return mapper;
    }

    AlpacaHttp http() {
        return http;
    }

    @Override
    public BrokerResult<BrokerOrderId> place(Order order) {
        requireNonNull(order, "order is null");
        AlpacaOrderMapper.Translation placement = mapper.placement(order, clock.instant());
        if (placement.refusal().isPresent()) {
            return BrokerResult.rejected("not sent: " + placement.refusal().get());
        }
        BrokerResult<JsonNode> reply = http.post("orders", placement.body().orElseThrow(), EndpointFamily.ORDERS);
        return AlpacaResults.map(reply, node -> {
            BrokerOrder placed = mapper.order(node);
            if (!placed.tag().equals(Optional.of(order.id().value()))) {
                throw new AlpacaPayloadException("the placed order carries client_order_id "
                        + placed.tag().orElse("none") + ", not " + order.id());
            }
            chains.rememberClientOrderId(placed.brokerOrderId(), order.id());
            return placed.brokerOrderId();
        });
    }

    /** Replaces the chain's current order; the answer is the root id, which stays the order's broker order id. */
    @Override
    public BrokerResult<BrokerOrderId> modify(Order order, OrderModification modification) {
        requireNonNull(order, "order is null");
        requireNonNull(modification, "modification is null");
        if (order.brokerOrderId().isEmpty()) {
            return BrokerResult.rejected("not sent: order " + order.id() + " has no Alpaca order id yet");
        }
        AlpacaOrderMapper.Translation body = mapper.replacement(order, modification);
        if (body.refusal().isPresent()) {
            return BrokerResult.rejected("not sent: " + body.refusal().get());
        }
        BrokerOrderId root = order.brokerOrderId().get();
        BrokerResult<BrokerOrderId> current = current(root);
        if (!(current instanceof BrokerResult.Success<BrokerOrderId> known)) {
            return current;
        }
        BrokerResult<JsonNode> reply =
                http.patch("orders/" + known.value().value(), body.body().orElseThrow(), EndpointFamily.MODIFICATIONS);
        return AlpacaResults.map(reply, node -> {
            BrokerOrder replacement = mapper.order(node);
            chains.replaced(root, replacement.brokerOrderId());
            return root;
        });
    }

    @Override
    public BrokerResult<BrokerOrderId> cancel(Order order) {
        requireNonNull(order, "order is null");
        if (order.brokerOrderId().isEmpty()) {
            return BrokerResult.rejected("not sent: order " + order.id() + " has no Alpaca order id yet");
        }
        BrokerOrderId root = order.brokerOrderId().get();
        BrokerResult<BrokerOrderId> current = current(root);
        if (!(current instanceof BrokerResult.Success<BrokerOrderId> known)) {
            return current;
        }
        return AlpacaResults.map(
                http.delete("orders/" + known.value().value(), EndpointFamily.MODIFICATIONS), ignored -> root);
    }

    /** The chain's view under its root id, empty when Alpaca does not know {@code id}. */
    @Override
    public BrokerResult<Optional<BrokerOrder>> order(BrokerOrderId id) {
        requireNonNull(id, "id is null");
        BrokerResult<Optional<JsonNode>> root = fetch(id, false);
        if (!(root instanceof BrokerResult.Success<Optional<JsonNode>> found)) {
            return AlpacaResults.failure(root);
        }
        if (found.value().isEmpty()) {
            return BrokerResult.success(Optional.empty());
        }
        return AlpacaResults.map(viewOfChain(found.value().get()), Optional::of);
    }

    /** The order placed with {@code client_order_id} = {@code id}, as its chain stands now. */
    @Override
    public BrokerResult<Optional<BrokerOrder>> findOrder(ClientOrderId id) {
        requireNonNull(id, "id is null");
        BrokerResult<JsonNode> reply =
                http.get("orders:by_client_order_id", List.of(Map.entry("client_order_id", id.value())));
        if (reply instanceof BrokerResult.Rejected<JsonNode> rejected
                && rejected.reason().startsWith("Alpaca HTTP 404")) {
            return BrokerResult.success(Optional.empty());
        }
        if (!(reply instanceof BrokerResult.Success<JsonNode> success)) {
            return AlpacaResults.failure(reply);
        }
        return AlpacaResults.map(viewOfChain(success.value()), Optional::of);
    }

    /**
     * Every open order and every order closed since the start of today (New York): replaced orders
     * left out, replacements under their chain's root id. A row that cannot be read makes the whole
     * answer {@code OutcomeUnknown}: leaving it out could hide one of our orders.
     */
    @Override
    public BrokerResult<List<BrokerOrder>> orders() {
        List<JsonNode> rows = new ArrayList<>();
        for (List<Map.Entry<String, String>> query : List.of(
                List.of(Map.entry("status", "open"), Map.entry("limit", String.valueOf(PAGE))),
                List.of(
                        Map.entry("status", "closed"),
                        Map.entry("limit", String.valueOf(PAGE)),
                        Map.entry("after", dayStart().toString())))) {
            BrokerResult<JsonNode> reply = http.get("orders", query);
            if (!(reply instanceof BrokerResult.Success<JsonNode> success)) {
                return AlpacaResults.failure(reply);
            }
            if (!success.value().isArray()) {
                return AlpacaErrorClassifier.unparseable(200, "the order list is not a list");
            }
            success.value().forEach(rows::add);
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode row : rows) {
            AlpacaJson.text(row, "id").ifPresent(id -> byId.put(id, row));
        }
        Map<BrokerOrderId, BrokerOrder> views = new LinkedHashMap<>();
        try {
            for (JsonNode row : rows) {
                BrokerOrder raw = mapper.order(row);
                if (raw.brokerStatus().equals("replaced")) {
                    continue;
                }
                BrokerResult<BrokerOrder> view = rekeyed(row, raw, byId);
                if (!(view instanceof BrokerResult.Success<BrokerOrder> success)) {
                    return AlpacaResults.failure(view);
                }
                views.put(success.value().brokerOrderId(), success.value());
            }
        } catch (AlpacaPayloadException e) {
            return AlpacaErrorClassifier.unparseable(200, "an order in the list: " + e.getMessage());
        }
        return BrokerResult.success(List.copyOf(views.values()));
    }

    /** Today's executions (FILL activities), each under its chain's root order id. */
    @Override
    public BrokerResult<List<BrokerTrade>> trades() {
        List<BrokerTrade> trades = new ArrayList<>();
        Optional<String> pageToken = Optional.empty();
        for (int page = 0; page < 100; page++) {
            List<Map.Entry<String, String>> query = new ArrayList<>(List.of(
                    Map.entry("after", dayStart().toString()),
                    Map.entry("direction", "asc"),
                    Map.entry("page_size", "100")));
            pageToken.ifPresent(token -> query.add(Map.entry("page_token", token)));
            BrokerResult<JsonNode> reply = page == 0
                    ? http.get("account/activities/FILL", query)
                    : http.getExtra("account/activities/FILL", query);
            if (!(reply instanceof BrokerResult.Success<JsonNode> success)) {
                return AlpacaResults.failure(reply);
            }
            if (!success.value().isArray()) {
                return AlpacaErrorClassifier.unparseable(200, "the fill activities are not a list");
            }
            for (JsonNode row : success.value()) {
                BrokerTrade trade;
                try {
                    trade = mapper.activity(row);
                } catch (AlpacaPayloadException e) {
                    return AlpacaErrorClassifier.unparseable(200, "a fill activity: " + e.getMessage());
                }
                BrokerResult<BrokerOrderId> root = rootOf(trade.brokerOrderId(), Map.of());
                if (!(root instanceof BrokerResult.Success<BrokerOrderId> known)) {
                    return AlpacaResults.failure(root);
                }
                trades.add(new BrokerTrade(
                        known.value(), trade.instrument(), trade.side(), trade.product(), trade.fill()));
            }
            if (success.value().size() < 100) {
                return BrokerResult.success(List.copyOf(trades));
            }
            pageToken = AlpacaJson.text(success.value().get(success.value().size() - 1), "id");
        }
        return BrokerResult.outcomeUnknown("more than 10,000 fill activities today: not all read");
    }

    @Override
    public BrokerResult<List<BrokerPosition>> positions() {
        return AlpacaResults.map(http.get("positions", List.of()), node -> {
            if (!node.isArray()) {
                throw new AlpacaPayloadException("the positions are not a list");
            }
            List<BrokerPosition> positions = new ArrayList<>();
            for (JsonNode row : node) {
                positions.add(mapper.position(row));
            }
            return List.copyOf(positions);
        });
    }

    /** The current price of every held instrument ({@code current_price} of {@code GET /v2/positions}). */
    BrokerResult<Map<io.openoms.domain.instrument.InstrumentId, io.openoms.domain.value.Price>> positionPrices() {
        return AlpacaResults.map(http.getExtra("positions", List.of()), node -> {
            if (!node.isArray()) {
                throw new AlpacaPayloadException("the positions are not a list");
            }
            Map<io.openoms.domain.instrument.InstrumentId, io.openoms.domain.value.Price> prices = new HashMap<>();
            for (JsonNode row : node) {
                BrokerPosition position = mapper.position(row);
                Optional<java.math.BigDecimal> price = AlpacaJson.decimal(row, "current_price");
                if (price.isPresent() && price.get().signum() > 0) {
                    prices.put(position.instrument(), io.openoms.domain.value.Price.of(price.get()));
                }
            }
            return Map.copyOf(prices);
        });
    }

    /** Buying power and cash ({@code GET /v2/account}). */
    public BrokerResult<AlpacaAccount> account() {
        return AlpacaResults.map(http.get("account", List.of()), node -> {
            if (!node.isObject()) {
                throw new AlpacaPayloadException("the account is not an object");
            }
            return new AlpacaAccount(
                    AlpacaJson.requiredText(node, "status"),
                    AlpacaJson.text(node, "currency").orElse("USD"),
                    Money.of(AlpacaJson.requiredDecimal(node, "buying_power")),
                    Money.of(AlpacaJson.requiredDecimal(node, "cash")),
                    AlpacaJson.flag(node, "trading_blocked"));
        });
    }

    /** Whether US equities trade now ({@code GET /v2/clock}). */
    public BrokerResult<AlpacaClock> clock() {
        return AlpacaResults.map(
                http.get("clock", List.of()),
                node -> new AlpacaClock(
                        AlpacaJson.instant(node, "timestamp")
                                .orElseThrow(() -> new AlpacaPayloadException("timestamp is missing")),
                        AlpacaJson.flag(node, "is_open"),
                        AlpacaJson.instant(node, "next_open")
                                .orElseThrow(() -> new AlpacaPayloadException("next_open is missing")),
                        AlpacaJson.instant(node, "next_close")
                                .orElseThrow(() -> new AlpacaPayloadException("next_close is missing"))));
    }

    /**
     * One streamed order under its chain's root id; a replacement Alpaca refused (the old order
     * filled first) is shown as the chain's order it failed to replace.
     */
    BrokerResult<BrokerOrder> streamedView(JsonNode node, BrokerOrder raw) {
        if (raw.brokerStatus().equals("rejected")
                && AlpacaJson.text(node, "replaces").isPresent()) {
            BrokerResult<BrokerOrderId> root =
                    rootOf(raw.brokerOrderId(), Map.of(node.path("id").asText(), node));
            if (!(root instanceof BrokerResult.Success<BrokerOrderId> known)) {
                return AlpacaResults.failure(root);
            }
            BrokerResult<Optional<BrokerOrder>> chain = order(known.value());
            return AlpacaResults.map(
                    chain, view -> view.orElseThrow(() -> new AlpacaPayloadException("the replaced order vanished")));
        }
        return rekeyed(node, raw, Map.of());
    }

    /** A fill of any order of a chain, under the chain's root id. */
    BrokerResult<BrokerTrade> streamedFill(JsonNode event, JsonNode orderNode, BrokerOrder raw) {
        BrokerResult<BrokerOrderId> root =
                rootOf(raw.brokerOrderId(), Map.of(orderNode.path("id").asText(), orderNode));
        if (!(root instanceof BrokerResult.Success<BrokerOrderId> known)) {
            return AlpacaResults.failure(root);
        }
        try {
            BrokerTrade trade = mapper.streamedFill(event, raw);
            return BrokerResult.success(
                    new BrokerTrade(known.value(), trade.instrument(), trade.side(), trade.product(), trade.fill()));
        } catch (AlpacaPayloadException e) {
            return AlpacaErrorClassifier.unparseable(200, e.getMessage());
        }
    }

    /** Orders updated since {@code since} (backfill after a stream reconnect), under their roots. */
    BrokerResult<List<BrokerOrder>> ordersSince(Instant since) {
        BrokerResult<JsonNode> reply = http.getExtra(
                "orders",
                List.of(
                        Map.entry("status", "all"),
                        Map.entry("limit", String.valueOf(PAGE)),
                        Map.entry("direction", "asc"),
                        Map.entry("after", since.toString())));
        if (!(reply instanceof BrokerResult.Success<JsonNode> success)) {
            return AlpacaResults.failure(reply);
        }
        if (!success.value().isArray()) {
            return AlpacaErrorClassifier.unparseable(200, "the order list is not a list");
        }
        List<BrokerOrder> orders = new ArrayList<>();
        for (JsonNode row : success.value()) {
            try {
                BrokerOrder raw = mapper.order(row);
                if (raw.brokerStatus().equals("replaced")) {
                    continue;
                }
                BrokerResult<BrokerOrder> view = streamedView(row, raw);
                if (view instanceof BrokerResult.Success<BrokerOrder> known) {
                    orders.add(known.value());
                } else {
                    return AlpacaResults.failure(view);
                }
            } catch (AlpacaPayloadException e) {
                return AlpacaErrorClassifier.unparseable(200, "an order in the list: " + e.getMessage());
            }
        }
        return BrokerResult.success(List.copyOf(orders));
    }

    /** Records a replacement seen on the stream (the old order's {@code replaced} event). */
    void replacedOnStream(JsonNode oldOrder) {
        Optional<String> by = AlpacaJson.text(oldOrder, "replaced_by");
        Optional<String> old = AlpacaJson.text(oldOrder, "id");
        if (by.isEmpty() || old.isEmpty()) {
            return;
        }
        try {
            BrokerOrderId oldId = AlpacaOrderMapper.brokerOrderId(old.get());
            BrokerResult<BrokerOrderId> root = rootOf(oldId, Map.of(old.get(), oldOrder));
            if (root instanceof BrokerResult.Success<BrokerOrderId> known) {
                chains.replaced(known.value(), AlpacaOrderMapper.brokerOrderId(by.get()));
            }
        } catch (AlpacaPayloadException e) {
            LOG.warn("a replaced order with an unreadable id: {}", e.getMessage());
        }
    }

    private Instant dayStart() {
        LocalDate today = clock.instant().atZone(AlpacaConfig.NEW_YORK).toLocalDate();
        return today.atStartOfDay(AlpacaConfig.NEW_YORK).toInstant();
    }

    /** The chain's current order id: remembered, else found by following {@code replaced_by}. */
    private BrokerResult<BrokerOrderId> current(BrokerOrderId root) {
        Optional<BrokerOrderId> known = chains.knownCurrent(root);
        if (known.isPresent()) {
            return BrokerResult.success(known.get());
        }
        BrokerResult<Optional<JsonNode>> fetched = fetch(root, true);
        if (!(fetched instanceof BrokerResult.Success<Optional<JsonNode>> found)) {
            return AlpacaResults.failure(fetched);
        }
        if (found.value().isEmpty()) {
            return BrokerResult.rejected("not sent: Alpaca does not know order " + root);
        }
        BrokerResult<JsonNode> last = followReplacements(found.value().get());
        return AlpacaResults.map(last, node -> {
            BrokerOrderId current = AlpacaOrderMapper.brokerOrderId(AlpacaJson.requiredText(node, "id"));
            chains.replaced(root, current);
            return current;
        });
    }

    /** The chain from {@code start} (a root) to its current order, shown under the root's ids. */
    private BrokerResult<BrokerOrder> viewOfChain(JsonNode start) {
        BrokerResult<JsonNode> last = followReplacements(start);
        if (!(last instanceof BrokerResult.Success<JsonNode> current)) {
            return AlpacaResults.failure(last);
        }
        try {
            BrokerOrder root = mapper.order(start);
            root.clientOrderId().ifPresent(id -> chains.rememberClientOrderId(root.brokerOrderId(), id));
            BrokerOrder view = mapper.order(current.value());
            chains.replaced(root.brokerOrderId(), view.brokerOrderId());
            return BrokerResult.success(withIds(view, root.brokerOrderId(), root.clientOrderId(), root.tag()));
        } catch (AlpacaPayloadException e) {
            return AlpacaErrorClassifier.unparseable(200, e.getMessage());
        }
    }

    /** Follows {@code replaced_by} while the order was replaced. */
    private BrokerResult<JsonNode> followReplacements(JsonNode start) {
        JsonNode node = start;
        for (int step = 0; step < MAX_CHAIN; step++) {
            Optional<String> next = AlpacaJson.text(node, "replaced_by");
            if (!"replaced".equals(AlpacaJson.text(node, "status").orElse("")) || next.isEmpty()) {
                return BrokerResult.success(node);
            }
            BrokerResult<Optional<JsonNode>> fetched;
            try {
                fetched = fetch(AlpacaOrderMapper.brokerOrderId(next.get()), true);
            } catch (AlpacaPayloadException e) {
                return AlpacaErrorClassifier.unparseable(200, e.getMessage());
            }
            if (!(fetched instanceof BrokerResult.Success<Optional<JsonNode>> found)) {
                return AlpacaResults.failure(fetched);
            }
            if (found.value().isEmpty()) {
                return BrokerResult.outcomeUnknown("Alpaca does not know the replacement " + next.get());
            }
            node = found.value().get();
        }
        return BrokerResult.outcomeUnknown("a replace chain longer than " + MAX_CHAIN + " orders");
    }

    /** {@code raw} under its chain's root ids when it is a replacement, as it is otherwise. */
    private BrokerResult<BrokerOrder> rekeyed(JsonNode node, BrokerOrder raw, Map<String, JsonNode> listed) {
        if (AlpacaJson.text(node, "replaces").isEmpty()
                && chains.knownRoot(raw.brokerOrderId()).isEmpty()) {
            raw.clientOrderId().ifPresent(id -> chains.rememberClientOrderId(raw.brokerOrderId(), id));
            return BrokerResult.success(raw);
        }
        Map<String, JsonNode> known = new HashMap<>(listed);
        known.put(raw.brokerOrderId().value(), node);
        BrokerResult<BrokerOrderId> root = rootOf(raw.brokerOrderId(), known);
        if (!(root instanceof BrokerResult.Success<BrokerOrderId> found)) {
            return AlpacaResults.failure(root);
        }
        chains.replaced(found.value(), raw.brokerOrderId());
        Optional<ClientOrderId> clientOrderId = chains.clientOrderId(found.value());
        if (clientOrderId.isEmpty()) {
            BrokerResult<Optional<JsonNode>> rootNode = fetch(found.value(), true);
            if (!(rootNode instanceof BrokerResult.Success<Optional<JsonNode>> fetched)) {
                return AlpacaResults.failure(rootNode);
            }
            Optional<JsonNode> rootOrder = fetched.value();
            clientOrderId = rootOrder.isEmpty() ? Optional.empty() : clientOrderIdOf(rootOrder.get());
            clientOrderId.ifPresent(id -> chains.rememberClientOrderId(found.value(), id));
        }
        return BrokerResult.success(
                withIds(raw, found.value(), clientOrderId, clientOrderId.map(ClientOrderId::value)));
    }

    /** The root of {@code id}'s chain: remembered, found among {@code listed}, else by following {@code replaces}. */
    private BrokerResult<BrokerOrderId> rootOf(BrokerOrderId id, Map<String, JsonNode> listed) {
        BrokerOrderId cursor = id;
        for (int step = 0; step < MAX_CHAIN; step++) {
            Optional<BrokerOrderId> remembered = chains.knownRoot(cursor);
            if (remembered.isPresent()) {
                return BrokerResult.success(remembered.get());
            }
            JsonNode node = listed.get(cursor.value());
            if (node == null) {
                if (step == 0) {
                    // an order first seen as itself: a root unless Alpaca says it replaced one
                    BrokerResult<Optional<JsonNode>> fetched = fetch(cursor, true);
                    if (!(fetched instanceof BrokerResult.Success<Optional<JsonNode>> found)) {
                        return AlpacaResults.failure(fetched);
                    }
                    if (found.value().isEmpty()) {
                        return BrokerResult.success(cursor);
                    }
                    node = found.value().get();
                } else {
                    BrokerResult<Optional<JsonNode>> fetched = fetch(cursor, true);
                    if (!(fetched instanceof BrokerResult.Success<Optional<JsonNode>> found)) {
                        return AlpacaResults.failure(fetched);
                    }
                    if (found.value().isEmpty()) {
                        return BrokerResult.outcomeUnknown("Alpaca does not know order " + cursor + " of a chain");
                    }
                    node = found.value().get();
                }
            }
            Optional<String> replaces = AlpacaJson.text(node, "replaces");
            if (replaces.isEmpty()) {
                return BrokerResult.success(cursor);
            }
            try {
                cursor = AlpacaOrderMapper.brokerOrderId(replaces.get());
            } catch (AlpacaPayloadException e) {
                return AlpacaErrorClassifier.unparseable(200, e.getMessage());
            }
        }
        return BrokerResult.outcomeUnknown("a replace chain longer than " + MAX_CHAIN + " orders");
    }

    /** {@code GET /v2/orders/{id}}: the order node, empty on 404. */
    private BrokerResult<Optional<JsonNode>> fetch(BrokerOrderId id, boolean extra) {
        BrokerResult<JsonNode> reply =
                extra ? http.getExtra("orders/" + id.value(), List.of()) : http.get("orders/" + id.value(), List.of());
        if (reply instanceof BrokerResult.Rejected<JsonNode> rejected
                && rejected.reason().startsWith("Alpaca HTTP 404")) {
            return BrokerResult.success(Optional.empty());
        }
        return AlpacaResults.map(reply, node -> {
            if (!node.isObject()) {
                throw new AlpacaPayloadException("the order is not an object");
            }
            return Optional.of(node);
        });
    }

    private static BrokerOrder withIds(
            BrokerOrder view, BrokerOrderId root, Optional<ClientOrderId> clientOrderId, Optional<String> tag) {
        return new BrokerOrder(
                root,
                clientOrderId,
                tag,
                view.instrument(),
                view.side(),
                view.type(),
                view.product(),
                view.quantity(),
                view.filledQuantity(),
                view.cancelledQuantity(),
                view.limitPrice(),
                view.triggerPrice(),
                view.averagePrice(),
                view.status(),
                view.brokerStatus(),
                view.statusMessage(),
                view.updatedAt());
    }

    private Optional<ClientOrderId> clientOrderIdOf(JsonNode root) {
        try {
            return mapper.order(root).clientOrderId();
        } catch (AlpacaPayloadException e) {
            return Optional.empty();
        }
    }
}
