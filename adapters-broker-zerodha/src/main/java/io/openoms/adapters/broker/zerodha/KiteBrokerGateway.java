package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.domain.instrument.InstrumentId;
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
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zerodha through Kite Connect v3: place ({@code POST /orders/:variety}), modify ({@code PUT}),
 * cancel ({@code DELETE}), the day's orders, an order's history, trades, positions and margins.
 *
 * <p>It never retries a command: an answer it cannot read, a timeout or a 5xx is
 * {@code OutcomeUnknown}, and the caller finds the order by its tag ({@link #findOrder}) before
 * anything else. Each placement's tag is recorded in the {@link KiteTagRegistry} before the
 * request is sent. Rate limiting is the caller's ({@code BrokerDispatcher} acquires permits); a
 * 429 is reported as {@code RateLimited} and also fed back into the guard. A {@code TokenException}
 * ends the {@link KiteSession}, and nothing is sent until a new token is activated.
 *
 * <p>Thread safety: safe from any thread; calls block on I/O.
 */
public final class KiteBrokerGateway implements BrokerGateway {
    public static final String NAME = KiteHttp.BROKER;
    private static final Logger LOG = LoggerFactory.getLogger(KiteBrokerGateway.class);
    private static final int REMEMBERED_VARIETIES = 20_000;

    private final KiteSession session;
    private final KiteTagRegistry tags;
    private final Clock clock;
    private final KiteHttp http;
    private final KiteOrderMapper mapper;
    private final Map<BrokerOrderId, String> varieties = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<BrokerOrderId, String> eldest) {
            return size() > REMEMBERED_VARIETIES;
        }
    };

    public KiteBrokerGateway(
            KiteConfig config,
            KiteSession session,
            KiteTagRegistry tags,
            RateLimitGuard rateLimits,
            OkHttpClient http,
            Clock clock) {
        requireNonNull(config, "config is null");
        this.session = requireNonNull(session, "session is null");
        this.tags = requireNonNull(tags, "tags is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.http = new KiteHttp(
                config,
                session,
                requireNonNull(http, "http is null"),
                Optional.of(requireNonNull(rateLimits, "rateLimits is null")));
        this.mapper = new KiteOrderMapper(config, tags, clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    public KiteSession session() {
        return session;
    }

    @Override
    public BrokerResult<BrokerOrderId> place(Order order) {
        requireNonNull(order, "order is null");
        String tag;
        try {
            tag = tags.remember(order.id());
        } catch (IOException e) {
            return BrokerResult.rejected("not sent: the Kite tag of " + order.id() + " could not be recorded ("
                    + e.getClass().getSimpleName() + ")");
        } catch (IllegalStateException e) {
            return BrokerResult.rejected("not sent: " + e.getMessage());
        }
        KiteOrderMapper.Translation<KiteOrderMapper.Placement> placement =
                mapper.placement(order, tag, clock.instant());
        if (placement.refusal().isPresent()) {
            return BrokerResult.rejected("not sent: " + placement.refusal().get());
        }
        String variety = placement.value().orElseThrow().variety();
        BrokerResult<BrokerOrderId> result = KiteResults.map(
                http.post("orders/" + variety, placement.value().orElseThrow().form(), EndpointFamily.ORDERS),
                KiteBrokerGateway::orderId);
        if (result instanceof BrokerResult.Success<BrokerOrderId> placed) {
            rememberVariety(placed.value(), variety);
        }
        return result;
    }

    @Override
    public BrokerResult<BrokerOrderId> modify(Order order, OrderModification modification) {
        requireNonNull(order, "order is null");
        requireNonNull(modification, "modification is null");
        if (order.brokerOrderId().isEmpty()) {
            return BrokerResult.rejected("not sent: order " + order.id() + " has no Kite order id yet");
        }
        BrokerOrderId id = order.brokerOrderId().get();
        KiteOrderMapper.Translation<Map<String, String>> form = mapper.modification(order, modification);
        if (form.refusal().isPresent()) {
            return BrokerResult.rejected("not sent: " + form.refusal().get());
        }
        BrokerResult<String> variety = variety(id);
        if (!(variety instanceof BrokerResult.Success<String> known)) {
            return KiteResults.failure(variety);
        }
        return KiteResults.map(
                http.put(
                        "orders/" + known.value() + "/" + id.value(),
                        form.value().orElseThrow(),
                        EndpointFamily.MODIFICATIONS),
                KiteBrokerGateway::orderId);
    }

    @Override
    public BrokerResult<BrokerOrderId> cancel(Order order) {
        requireNonNull(order, "order is null");
        if (order.brokerOrderId().isEmpty()) {
            return BrokerResult.rejected("not sent: order " + order.id() + " has no Kite order id yet");
        }
        BrokerOrderId id = order.brokerOrderId().get();
        BrokerResult<String> variety = variety(id);
        if (!(variety instanceof BrokerResult.Success<String> known)) {
            return KiteResults.failure(variety);
        }
        return KiteResults.map(
                http.delete("orders/" + known.value() + "/" + id.value(), EndpointFamily.MODIFICATIONS),
                KiteBrokerGateway::orderId);
    }

    /**
     * The order's current state: the last snapshot of its history. When Kite does not know the id
     * (HTTP 4xx on the history), the day's order book decides whether it is really absent.
     */
    @Override
    public BrokerResult<Optional<BrokerOrder>> order(BrokerOrderId id) {
        requireNonNull(id, "id is null");
        BrokerResult<List<BrokerOrder>> history = history(id);
        if (history instanceof BrokerResult.Success<List<BrokerOrder>> snapshots) {
            List<BrokerOrder> list = snapshots.value();
            if (!list.isEmpty()) {
                return BrokerResult.success(Optional.of(list.get(list.size() - 1)));
            }
        } else if (!(history instanceof BrokerResult.Rejected<List<BrokerOrder>>)) {
            return KiteResults.failure(history);
        }
        return KiteResults.map(orders(), orders -> orders.stream()
                .filter(order -> order.brokerOrderId().equals(id))
                .reduce((first, second) -> second));
    }

    /** The order carrying {@code id}'s tag in the day's order book (the latest, should there be more). */
    @Override
    public BrokerResult<Optional<BrokerOrder>> findOrder(ClientOrderId id) {
        requireNonNull(id, "id is null");
        String tag = KiteTag.of(id);
        BrokerResult<JsonNode> book = http.get("orders", List.of(), EndpointFamily.QUERIES);
        if (!(book instanceof BrokerResult.Success<JsonNode> success)) {
            return KiteResults.failure(book);
        }
        if (!success.value().isArray()) {
            return KiteErrorClassifier.unparseable(200, "the order book is not a list");
        }
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode row : success.value()) {
            if (carriesTag(row, tag)) {
                matches.add(row);
            }
        }
        if (matches.isEmpty()) {
            return BrokerResult.success(Optional.empty());
        }
        if (matches.size() > 1) {
            LOG.error("{} Kite orders carry the tag {} of client order {}", matches.size(), tag, id);
        }
        try {
            tags.remember(id);
        } catch (IOException | IllegalStateException e) {
            LOG.warn("could not record the Kite tag {} of {}: {}", tag, id, e.getMessage());
        }
        try {
            BrokerOrder found = mapper.order(matches.get(matches.size() - 1));
            return BrokerResult.success(Optional.of(withClientOrderId(found, id, tag)));
        } catch (KitePayloadException e) {
            return KiteErrorClassifier.unparseable(200, "the order tagged " + tag + ": " + e.getMessage());
        }
    }

    /**
     * The day's order book. A row that cannot be translated is skipped with a warning when it is
     * not ours (an instrument we cannot name, or no tag of ours); when it carries our tag the whole
     * answer is {@code OutcomeUnknown}, because leaving it out could hide one of our orders.
     */
    @Override
    public BrokerResult<List<BrokerOrder>> orders() {
        return KiteResults.map(http.get("orders", List.of(), EndpointFamily.QUERIES), this::orderList);
    }

    @Override
    public BrokerResult<List<BrokerTrade>> trades() {
        return KiteResults.map(http.get("trades", List.of(), EndpointFamily.QUERIES), this::tradeList);
    }

    /** The account's net positions ({@code net}: overnight carry included). */
    @Override
    public BrokerResult<List<BrokerPosition>> positions() {
        return KiteResults.map(
                http.get("portfolio/positions", List.of(), EndpointFamily.QUERIES),
                data -> positionList(data.path("net")));
    }

    /** Today's activity only ({@code day}). */
    public BrokerResult<List<BrokerPosition>> dayPositions() {
        return KiteResults.map(
                http.get("portfolio/positions", List.of(), EndpointFamily.QUERIES),
                data -> positionList(data.path("day")));
    }

    /** The states one order went through, oldest first ({@code GET /orders/:order_id}). */
    public BrokerResult<List<BrokerOrder>> history(BrokerOrderId id) {
        requireNonNull(id, "id is null");
        BrokerResult<JsonNode> reply = http.get("orders/" + id.value(), List.of(), EndpointFamily.QUERIES);
        if (reply instanceof BrokerResult.Success<JsonNode> success
                && success.value().isArray()) {
            JsonNode last = success.value().size() == 0
                    ? null
                    : success.value().get(success.value().size() - 1);
            KiteJson.text(last == null ? success.value() : last, "variety").ifPresent(v -> rememberVariety(id, v));
        }
        return KiteResults.map(reply, data -> {
            if (!data.isArray()) {
                throw new KitePayloadException("the order history is not a list");
            }
            List<BrokerOrder> snapshots = new ArrayList<>();
            for (JsonNode row : data) {
                snapshots.add(mapper.order(row));
            }
            return List.copyOf(snapshots);
        });
    }

    /** The executions of one order ({@code GET /orders/:order_id/trades}). */
    public BrokerResult<List<BrokerTrade>> trades(BrokerOrderId id) {
        requireNonNull(id, "id is null");
        return KiteResults.map(
                http.get("orders/" + id.value() + "/trades", List.of(), EndpointFamily.QUERIES), this::tradeList);
    }

    /** Funds and margins per segment ({@code GET /user/margins}). */
    public BrokerResult<KiteMargins> margins() {
        return KiteResults.map(http.get("user/margins", List.of(), EndpointFamily.QUERIES), data -> {
            if (!data.isObject()) {
                throw new KitePayloadException("margins are not an object");
            }
            Map<String, KiteMargins.Segment> segments = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> segment : data.properties()) {
                JsonNode value = segment.getValue();
                JsonNode available = value.path("available");
                JsonNode utilised = value.path("utilised");
                segments.put(
                        segment.getKey(),
                        new KiteMargins.Segment(
                                value.path("enabled").asBoolean(false),
                                KiteJson.decimalOrZero(value, "net"),
                                KiteJson.decimalOrZero(available, "cash"),
                                KiteJson.decimalOrZero(available, "live_balance"),
                                KiteJson.decimalOrZero(utilised, "debits")));
            }
            return new KiteMargins(segments);
        });
    }

    private List<BrokerOrder> orderList(JsonNode data) throws KitePayloadException {
        if (!data.isArray()) {
            throw new KitePayloadException("the order book is not a list");
        }
        List<BrokerOrder> orders = new ArrayList<>();
        for (JsonNode row : data) {
            try {
                orders.add(mapper.order(row));
            } catch (KitePayloadException e) {
                Optional<String> ours = ourTag(row);
                if (ours.isPresent()) {
                    throw new KitePayloadException("the order tagged " + ours.get() + " (ours): " + e.getMessage());
                }
                LOG.warn(
                        "skipping a Kite order that is not ours and cannot be translated ({}): {}",
                        KiteJson.text(row, "order_id").orElse("no order_id"),
                        e.getMessage());
            }
        }
        return List.copyOf(orders);
    }

    private List<BrokerTrade> tradeList(JsonNode data) throws KitePayloadException {
        if (!data.isArray()) {
            throw new KitePayloadException("the trades are not a list");
        }
        List<BrokerTrade> trades = new ArrayList<>();
        for (JsonNode row : data) {
            if (!nameable(row)) {
                // We can only have placed orders for instruments we can name, so this fill is not ours.
                LOG.warn(
                        "skipping a Kite trade in an instrument OpenOMS cannot name: {}:{}",
                        KiteJson.text(row, "exchange").orElse("?"),
                        KiteJson.text(row, "tradingsymbol").orElse("?"));
                continue;
            }
            trades.add(mapper.trade(row));
        }
        return List.copyOf(trades);
    }

    private List<BrokerPosition> positionList(JsonNode rows) throws KitePayloadException {
        if (!rows.isArray()) {
            throw new KitePayloadException("positions are not a list");
        }
        List<BrokerPosition> positions = new ArrayList<>();
        for (JsonNode row : rows) {
            if (!nameable(row)) {
                LOG.warn(
                        "skipping a Kite position in an instrument OpenOMS cannot name: {}:{}",
                        KiteJson.text(row, "exchange").orElse("?"),
                        KiteJson.text(row, "tradingsymbol").orElse("?"));
                continue;
            }
            positions.add(mapper.position(row));
        }
        return List.copyOf(positions);
    }

    private BrokerResult<String> variety(BrokerOrderId id) {
        synchronized (varieties) {
            String known = varieties.get(id);
            if (known != null) {
                return BrokerResult.success(known);
            }
        }
        BrokerResult<JsonNode> reply = http.get("orders/" + id.value(), List.of(), EndpointFamily.QUERIES);
        return KiteResults.map(reply, data -> {
            if (!data.isArray() || data.size() == 0) {
                throw new KitePayloadException("no history for order " + id);
            }
            String variety = KiteJson.requiredText(data.get(data.size() - 1), "variety");
            rememberVariety(id, variety);
            return variety;
        });
    }

    private void rememberVariety(BrokerOrderId id, String variety) {
        synchronized (varieties) {
            varieties.put(id, variety);
        }
    }

    private Optional<String> ourTag(JsonNode row) {
        Optional<String> tag = KiteJson.text(row, "tag");
        if (tag.isPresent() && tags.clientOrderId(tag.get()).isPresent()) {
            return tag;
        }
        JsonNode list = row.get("tags");
        if (list != null && list.isArray()) {
            for (JsonNode element : list) {
                if (tags.clientOrderId(element.asText()).isPresent()) {
                    return Optional.of(element.asText());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean carriesTag(JsonNode row, String tag) {
        if (tag.equals(KiteJson.text(row, "tag").orElse(null))) {
            return true;
        }
        JsonNode list = row.get("tags");
        if (list != null && list.isArray()) {
            for (JsonNode element : list) {
                if (tag.equals(element.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean nameable(JsonNode row) {
        try {
            InstrumentId.of(
                    KiteJson.text(row, "exchange").orElse(""),
                    KiteJson.text(row, "tradingsymbol").orElse(""));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static BrokerOrder withClientOrderId(BrokerOrder order, ClientOrderId id, String tag) {
        return new BrokerOrder(
                order.brokerOrderId(),
                Optional.of(id),
                Optional.of(tag),
                order.instrument(),
                order.side(),
                order.type(),
                order.product(),
                order.quantity(),
                order.filledQuantity(),
                order.cancelledQuantity(),
                order.limitPrice(),
                order.triggerPrice(),
                order.averagePrice(),
                order.status(),
                order.brokerStatus(),
                order.statusMessage(),
                order.updatedAt());
    }

    private static BrokerOrderId orderId(JsonNode data) throws KitePayloadException {
        String id = KiteJson.text(data, "order_id")
                .orElseThrow(() -> new KitePayloadException("Kite accepted the request but sent no order_id"));
        try {
            return BrokerOrderId.of(id);
        } catch (IllegalArgumentException e) {
            throw new KitePayloadException("order_id is not an id: " + KiteJson.abbreviate(id));
        }
    }
}
