package io.openoms.integration;

import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.application.engine.EngineControl;
import io.openoms.application.testing.Await;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalRecord;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import io.openoms.domain.position.PositionManager;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The invariants every scenario ends with, read from the durable stores, the journal, the venue
 * and the event listener. {@link #checkState} holds at any quiet moment; {@link #checkAgainstVenue}
 * once reconciliation has had its run. Each check returns every violation it finds, so one
 * failure message tells the whole story.
 */
public final class InvariantChecker {
    /** Events an order may still take once terminal: a late fill, and a stale submit or acknowledgement. */
    private static final Set<Class<? extends OrderEvent>> AFTER_TERMINAL =
            Set.of(OrderEvent.OrderFilled.class, OrderEvent.OrderSubmitted.class, OrderEvent.OrderAccepted.class);

    private InvariantChecker() {}

    /** Settles, checks the state, reconciles, checks the state again and against the venue; fails listing every violation. */
    public static void assertAll(TradingSystem system) {
        system.settle();
        List<String> violations = new ArrayList<>(checkState(system));
        if (violations.isEmpty()) {
            system.reconcile();
            violations.addAll(checkState(system));
            violations.addAll(checkAgainstVenue(system));
        }
        fail(violations);
    }

    public static void assertState(TradingSystem system) {
        system.settle();
        fail(checkState(system));
    }

    public static void assertMatchesVenue(TradingSystem system) {
        system.settle();
        fail(checkAgainstVenue(system));
    }

    private static void fail(List<String> violations) {
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    violations.size() + " invariant(s) violated:\n  " + String.join("\n  ", violations));
        }
    }

    /**
     * Filled ≤ ordered; each order's journal numbered 1..n; terminal states absorb; positions equal
     * the signed sum of fills per key; replaying the journal from empty reproduces every stored order
     * and position; the listener saw each order's events once, in order.
     */
    public static List<String> checkState(TradingSystem system) {
        List<String> violations = new ArrayList<>();
        List<Order> orders = system.orders();
        Journal journal = system.persistence().journal();
        List<JournalRecord> records = readAll(journal);
        Map<ClientOrderId, List<OrderEvent>> journalled = new LinkedHashMap<>();
        for (JournalRecord record : records) {
            journalled
                    .computeIfAbsent(record.event().orderId(), id -> new ArrayList<>())
                    .add(record.event());
        }

        for (Order order : orders) {
            if (order.filledQuantity().isGreaterThan(order.quantity())) {
                violations.add("order " + order.id() + " filled " + order.filledQuantity() + " of " + order.quantity());
            }
            List<OrderEvent> events = journalled.getOrDefault(order.id(), List.of());
            if (events.isEmpty()) {
                violations.add("order " + order.id() + " has no journalled events");
                continue;
            }
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).sequence() != i + 1) {
                    violations.add("order " + order.id() + ": journal event " + (i + 1) + " has sequence "
                            + events.get(i).sequence());
                    break;
                }
            }
            violations.addAll(terminalAbsorbs(order.id(), events));
            Order replayed = Order.replay(events);
            if (!replayed.equals(order)) {
                violations.add("order " + order.id() + ": replaying its journal gives " + replayed + " at "
                        + replayed.updatedAt() + ", the store holds " + order + " at " + order.updatedAt());
            }
        }
        if (journalled.size() != orders.size()) {
            violations.add("the journal has events of " + journalled.size() + " orders, the store " + orders.size()
                    + " orders");
        }

        List<Position> stored = system.persistence().positionStore().findPositions(true);
        violations.addAll(positionsAreSumsOfFills(orders, stored));
        violations.addAll(replayedPositions(records, stored, system.accountingMethod()));
        violations.addAll(listenerSawEveryEvent(system, journalled));
        return violations;
    }

    private static List<String> terminalAbsorbs(ClientOrderId id, List<OrderEvent> events) {
        List<String> violations = new ArrayList<>();
        Order order = null;
        OrderStatus terminal = null;
        for (OrderEvent event : events) {
            order = order == null ? Order.replay(List.of(event)) : order.apply(event);
            if (terminal != null) {
                if (!AFTER_TERMINAL.contains(event.getClass())) {
                    violations.add("order " + id + " took " + event.getClass().getSimpleName() + " (seq "
                            + event.sequence() + ") after reaching " + terminal);
                }
                if (order.status() != terminal) {
                    violations.add("order " + id + " left terminal " + terminal + " for " + order.status() + " at seq "
                            + event.sequence());
                }
            } else if (order.status().isTerminal()) {
                terminal = order.status();
            }
        }
        return violations;
    }

    private static List<String> positionsAreSumsOfFills(List<Order> orders, List<Position> stored) {
        Map<PositionKey, BigDecimal> fromFills = new HashMap<>();
        for (Order order : orders) {
            PositionKey key = new PositionKey(order.account(), order.strategy(), order.instrument(), order.product());
            BigDecimal signed = order.filledQuantity()
                    .value()
                    .multiply(BigDecimal.valueOf(order.side().sign()));
            fromFills.merge(key, signed, BigDecimal::add);
        }
        Map<PositionKey, BigDecimal> held = new HashMap<>();
        for (Position position : stored) {
            if (position.isOpen()) {
                held.merge(position.key(), position.signedQuantity(), BigDecimal::add);
            }
        }
        List<String> violations = new ArrayList<>();
        Set<PositionKey> keys = new HashSet<>(fromFills.keySet());
        keys.addAll(held.keySet());
        for (PositionKey key : keys) {
            BigDecimal expected = fromFills.getOrDefault(key, BigDecimal.ZERO);
            BigDecimal actual = held.getOrDefault(key, BigDecimal.ZERO);
            if (expected.compareTo(actual) != 0) {
                violations.add("position " + key + " is " + actual.toPlainString() + ", its fills sum to "
                        + expected.toPlainString());
            }
        }
        return violations;
    }

    private static List<String> replayedPositions(
            List<JournalRecord> records, List<Position> stored, AccountingMethod method) {
        Map<ClientOrderId, Order> orders = new HashMap<>();
        PositionManager positions = new PositionManager();
        Set<AccountId> accounts = new HashSet<>();
        for (JournalRecord record : records) {
            OrderEvent event = record.event();
            Order order = orders.containsKey(event.orderId())
                    ? orders.get(event.orderId()).apply(event)
                    : Order.replay(List.of(event));
            orders.put(event.orderId(), order);
            if (accounts.add(order.account())) {
                positions.setAccountingMethod(order.account(), method);
            }
            if (event instanceof OrderEvent.OrderFilled filled) {
                positions.apply(
                        new PositionKey(order.account(), order.strategy(), order.instrument(), order.product()),
                        order.side(),
                        filled.fill());
            }
        }
        Map<PositionKey, List<String>> replayed = byKey(positions.positions(true));
        Map<PositionKey, List<String>> held = byKey(stored);
        List<String> violations = new ArrayList<>();
        Set<PositionKey> keys = new HashSet<>(replayed.keySet());
        keys.addAll(held.keySet());
        for (PositionKey key : keys) {
            List<String> expected = replayed.getOrDefault(key, List.of());
            List<String> actual = held.getOrDefault(key, List.of());
            if (!expected.equals(actual)) {
                violations.add("position " + key + ": replaying the journal gives " + expected + ", the store holds "
                        + actual);
            }
        }
        return violations;
    }

    /** Each key's positions (closed ones, then the open one) by what fills decide; marks are not journalled. */
    private static Map<PositionKey, List<String>> byKey(List<Position> positions) {
        Map<PositionKey, List<String>> byKey = new HashMap<>();
        positions.stream()
                .sorted(Comparator.comparing((Position p) -> p.isOpen()).thenComparing(Position::openedAt))
                .forEach(p -> byKey.computeIfAbsent(p.key(), k -> new ArrayList<>())
                        .add(p.side() + " " + p.quantity() + " cost " + p.openCost() + " lots " + p.lots()
                                + " realized " + p.realizedPnl() + " fees " + p.fees() + " opened " + p.openedAt()
                                + " closed "
                                + p.closedAt().map(Object::toString).orElse("-") + " trades "
                                + p.tradeIds()));
        return byKey;
    }

    private static List<String> listenerSawEveryEvent(
            TradingSystem system, Map<ClientOrderId, List<OrderEvent>> journalled) {
        List<String> violations = new ArrayList<>();
        try {
            Await.until(
                    "the listener received every journalled event",
                    () -> system.events().orderEvents().equals(journalled));
        } catch (AssertionError timedOut) {
            Map<ClientOrderId, List<OrderEvent>> seen = system.events().orderEvents();
            Set<ClientOrderId> ids = new TreeSet<>(Comparator.comparing(ClientOrderId::value));
            ids.addAll(seen.keySet());
            ids.addAll(journalled.keySet());
            for (ClientOrderId id : ids) {
                List<Long> heard = sequences(seen.get(id));
                List<Long> stored = sequences(journalled.get(id));
                if (!heard.equals(stored)) {
                    violations.add(
                            "order " + id + ": the listener saw sequences " + heard + ", the journal holds " + stored);
                } else if (!Objects.equals(seen.get(id), journalled.get(id))) {
                    violations.add("order " + id + ": the listener saw other events than the journal holds");
                }
            }
        }
        return violations;
    }

    private static List<Long> sequences(List<OrderEvent> events) {
        return events == null
                ? List.of()
                : events.stream().map(OrderEvent::sequence).toList();
    }

    /**
     * Every venue order that carries exposure (filled or working) maps to exactly one of our orders —
     * ours by its tag or an adopted external one — with the venue's filled quantity, terminal where
     * the venue's is; no order was placed twice; no order of ours points at a broker order the venue
     * does not have; our net position per instrument and product is the venue's.
     */
    public static List<String> checkAgainstVenue(TradingSystem system) {
        SimulatedVenue venue = system.venue();
        List<String> violations = new ArrayList<>();
        List<Order> orders = system.orders();
        Map<BrokerOrderId, List<Order>> byBrokerId = orders.stream()
                .filter(o -> o.brokerOrderId().isPresent())
                .collect(Collectors.groupingBy(o -> o.brokerOrderId().get()));
        Map<ClientOrderId, Order> byId = new HashMap<>();
        orders.forEach(o -> byId.put(o.id(), o));
        List<BrokerOrder> atVenue = venue.orders();
        Map<ClientOrderId, Long> tags = atVenue.stream()
                .filter(o -> o.clientOrderId().isPresent())
                .collect(Collectors.groupingBy(o -> o.clientOrderId().get(), Collectors.counting()));
        tags.forEach((id, count) -> {
            if (count > 1) {
                violations.add("order " + id + " is at the venue " + count + " times");
            }
        });
        system.placementCounts().forEach((id, count) -> {
            if (count > 1) {
                violations.add("order " + id + " was sent to the venue " + count + " times");
            }
        });
        Set<BrokerOrderId> venueIds = new HashSet<>();
        for (BrokerOrder v : atVenue) {
            venueIds.add(v.brokerOrderId());
            List<Order> mapped = byBrokerId.getOrDefault(v.brokerOrderId(), List.of());
            boolean exposure = v.filledQuantity().isPositive() || v.status().isOpen();
            if (mapped.size() > 1) {
                violations.add("venue order " + v.brokerOrderId() + " maps to " + mapped.size() + " orders: " + mapped);
                continue;
            }
            if (v.clientOrderId().isPresent()) {
                Order ours = byId.get(v.clientOrderId().get());
                if (ours == null) {
                    violations.add("venue order " + v.brokerOrderId() + " carries tag "
                            + v.clientOrderId().get() + ", which we do not have");
                    continue;
                }
                if (exposure && !ours.brokerOrderId().equals(Optional.of(v.brokerOrderId()))) {
                    violations.add("order " + ours.id() + " (" + ours.status() + ", broker id " + ours.brokerOrderId()
                            + ") does not point at its venue order " + v.brokerOrderId() + " (" + v.status() + ")");
                    continue;
                }
            } else if (exposure) {
                if (mapped.isEmpty()) {
                    violations.add("external venue order " + v.brokerOrderId() + " (" + v.status() + ", filled "
                            + v.filledQuantity() + ") was not adopted");
                    continue;
                }
                if (!mapped.get(0).strategy().equals(EngineControl.EXTERNAL_STRATEGY)) {
                    violations.add("external venue order " + v.brokerOrderId() + " was adopted as strategy "
                            + mapped.get(0).strategy());
                }
            }
            if (mapped.isEmpty()) {
                continue;
            }
            Order ours = mapped.get(0);
            if (ours.filledQuantity().compareTo(v.filledQuantity()) != 0) {
                violations.add("order " + ours.id() + " holds " + ours.filledQuantity() + " filled, the venue "
                        + v.filledQuantity());
            }
            if (v.status().isTerminal() && !ours.isTerminal()) {
                violations.add("order " + ours.id() + " is " + ours.status() + ", the venue's is " + v.status());
            }
        }
        // An order the venue forgot (its book lost) and that OpenOMS closed for that is expected to point nowhere.
        Set<String> closedAsNotKnown = system.reconciliation().latest(10_000).stream()
                .filter(f -> f.kind() == FindingKind.ORDER_MISSING_AT_BROKER
                        && f.runId().equals("engine"))
                .map(ReconciliationFinding::subject)
                .collect(Collectors.toSet());
        for (Order order : orders) {
            if (order.brokerOrderId().isPresent()
                    && !venueIds.contains(order.brokerOrderId().get())
                    && !(order.isTerminal() && closedAsNotKnown.contains("order " + order.id()))) {
                violations.add("order " + order.id() + " points at "
                        + order.brokerOrderId().get() + ", which the venue does not have");
            }
            if (order.status() == OrderStatus.ERROR && tags.containsKey(order.id())) {
                violations.add("order " + order.id() + " was declared never placed, but the venue has it");
            }
        }
        Map<String, BigDecimal> ours = new TreeMap<>();
        for (Position position : system.persistence().positionStore().findOpenPositions()) {
            ours.merge(
                    netKey(position.key().instrument(), position.key().product()),
                    position.signedQuantity(),
                    BigDecimal::add);
        }
        Map<String, BigDecimal> theirs = new TreeMap<>();
        for (BrokerPosition position : venue.positions()) {
            theirs.merge(netKey(position.instrument(), position.product()), position.netQuantity(), BigDecimal::add);
        }
        ours.values().removeIf(q -> q.signum() == 0);
        theirs.values().removeIf(q -> q.signum() == 0);
        if (!normalized(ours).equals(normalized(theirs))) {
            violations.add("our net positions " + ours + " differ from the venue's " + theirs);
        }
        return violations;
    }

    private static Map<String, String> normalized(Map<String, BigDecimal> quantities) {
        Map<String, String> plain = new TreeMap<>();
        quantities.forEach((k, v) -> plain.put(k, v.stripTrailingZeros().toPlainString()));
        return plain;
    }

    private static String netKey(InstrumentId instrument, Product product) {
        return instrument + " " + product;
    }

    static List<JournalRecord> readAll(Journal journal) {
        List<JournalRecord> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<JournalRecord> page = journal.readAfter(after, 1000);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = page.get(page.size() - 1).globalSequence();
        }
    }
}
