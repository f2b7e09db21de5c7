package io.openoms.adapters.persistence;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.FillOutcome;
import io.openoms.domain.order.LiquiditySide;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import io.openoms.domain.position.PositionManager;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Drives an {@link OrderManager} and a {@link PositionManager} like the engine does and turns each
 * step into the {@link JournalBatch} the engine would append.
 */
final class Lifecycles {
    static final Instant T0 = Instant.parse("2025-01-06T04:00:00.123456Z");

    final OrderManager orders = new OrderManager();
    final PositionManager positions = new PositionManager();
    private Instant now = T0;
    private int tradeCounter;
    private final String tradePrefix;

    Lifecycles(String tradePrefix) {
        this.tradePrefix = tradePrefix;
    }

    /** A fresh driver that knows {@code order} as stored, e.g. after an append failed. */
    Lifecycles restarted(String newTradePrefix, io.openoms.domain.order.Order order) {
        Lifecycles fresh = new Lifecycles(newTradePrefix);
        fresh.now = now;
        fresh.orders.restore(order);
        return fresh;
    }

    Instant tick() {
        now = now.plusMillis(7).plusNanos(1000);
        return now;
    }

    static OrderRequest limitBuy(String account, String instrument, long quantity, String price) {
        return OrderRequest.builder()
                .account(account)
                .strategy("s1")
                .instrument(instrument)
                .buy()
                .type(OrderType.LIMIT)
                .quantity(quantity)
                .limitPrice(price)
                .tag("t-" + quantity)
                .build();
    }

    JournalBatch create(String id, OrderRequest request) {
        return batch(orders.create(ClientOrderId.of(id), request, Optional.empty(), tick()), List.of());
    }

    JournalBatch release(String id) {
        return batch(orders.release(ClientOrderId.of(id), tick()), List.of());
    }

    JournalBatch submit(String id) {
        return batch(orders.markSubmitted(ClientOrderId.of(id), tick()), List.of());
    }

    JournalBatch accept(String id, String brokerOrderId) {
        return batch(orders.accept(ClientOrderId.of(id), BrokerOrderId.of(brokerOrderId), tick()), List.of());
    }

    JournalBatch fill(String id, long quantity, String price) {
        Fill fill = new Fill(
                TradeId.of(tradePrefix + "-" + (++tradeCounter)),
                Quantity.of(quantity),
                Price.of(price),
                Money.of("1.25"),
                tick(),
                Optional.of(LiquiditySide.MAKER));
        return fill(id, fill);
    }

    JournalBatch fill(String id, Fill fill) {
        FillOutcome outcome = orders.applyFill(ClientOrderId.of(id), fill, tick());
        if (!(outcome instanceof FillOutcome.Applied applied)) {
            throw new IllegalStateException("fill not applied: " + outcome);
        }
        Order order = applied.order();
        PositionKey key = new PositionKey(order.account(), order.strategy(), order.instrument(), order.product());
        Position position = positions.apply(key, order.side(), fill).position();
        return batch(applied.events(), List.of(position));
    }

    JournalBatch open(String id, OrderRequest request, String brokerOrderId) {
        return merge(List.of(create(id, request), release(id), submit(id), accept(id, brokerOrderId)));
    }

    JournalBatch batch(List<OrderEvent> events, List<Position> changedPositions) {
        List<Order> changed = events.stream()
                .map(OrderEvent::orderId)
                .distinct()
                .map(orders::get)
                .toList();
        return new JournalBatch(events, changed, changedPositions);
    }

    static JournalBatch merge(List<JournalBatch> batches) {
        List<OrderEvent> events = new ArrayList<>();
        java.util.Map<ClientOrderId, Order> orders = new java.util.LinkedHashMap<>();
        java.util.Map<Object, Position> positions = new java.util.LinkedHashMap<>();
        for (JournalBatch b : batches) {
            events.addAll(b.events());
            b.orders().forEach(o -> orders.put(o.id(), o));
            b.positions()
                    .forEach(p -> positions.put(List.of(p.key(), p.tradeIds().get(0)), p));
        }
        return new JournalBatch(events, List.copyOf(orders.values()), List.copyOf(positions.values()));
    }

    /**
     * A random but legal life for order {@code id}: created, then any of release, submit, accept,
     * fills, cancel or modify requests and their answers, expiry, errors, locks.
     */
    List<JournalBatch> randomLife(String id, Random random) {
        List<JournalBatch> batches = new ArrayList<>();
        String account = random.nextBoolean() ? "ACC1" : "ACC2";
        batches.add(create(id, limitBuy(account, "NSE:INFY", 10 * (1 + random.nextInt(5)), "1500.05")));
        ClientOrderId cid = ClientOrderId.of(id);
        for (int step = 0; step < 12; step++) {
            Order order = orders.get(cid);
            if (order.isTerminal()) {
                break;
            }
            List<JournalBatch> options = new ArrayList<>();
            try {
                switch (order.status()) {
                    case CREATED -> options.add(
                            random.nextInt(10) == 0
                                    ? batch(orders.rejectByRisk(cid, "maxOrderQuantity", "too big", tick()), List.of())
                                    : release(id));
                    case PENDING_SUBMISSION -> options.add(submit(id));
                    case SUBMITTED -> options.add(
                            random.nextInt(8) == 0
                                    ? batch(orders.rejectByBroker(cid, "margin", tick()), List.of())
                                    : accept(id, "B" + id));
                    case ACCEPTED, PARTIALLY_FILLED -> {
                        int choice = random.nextInt(6);
                        if (choice <= 2) {
                            long remaining = order.remainingQuantity().value().longValue();
                            long quantity = 1 + random.nextInt((int) remaining);
                            options.add(fill(id, quantity, random.nextBoolean() ? "1500.05" : "1499.95"));
                        } else if (choice == 3) {
                            options.add(batch(orders.requestCancel(cid, tick()), List.of()));
                        } else if (choice == 4) {
                            options.add(batch(
                                    orders.requestModify(cid, OrderModification.limitPrice(Price.of("1501.5")), tick()),
                                    List.of()));
                        } else {
                            options.add(batch(
                                    orders.lockCancelUntil(cid, now.plus(Duration.ofSeconds(1)), tick()), List.of()));
                        }
                    }
                    case PENDING_CANCEL -> options.add(
                            random.nextBoolean()
                                    ? batch(orders.confirmCancel(cid, tick()), List.of())
                                    : batch(orders.rejectCancel(cid, "too late", tick()), List.of()));
                    case PENDING_MODIFY -> options.add(
                            random.nextBoolean()
                                    ? batch(orders.confirmModify(cid, tick()), List.of())
                                    : batch(orders.rejectModify(cid, "not allowed", tick()), List.of()));
                    default -> {}
                }
            } catch (RuntimeException e) {
                // The domain refused a random step (e.g. a lock): try another one.
                continue;
            }
            options.stream().filter(b -> !b.isEmpty()).forEach(batches::add);
        }
        return batches;
    }
}
