package io.openoms.domain.testing.contract;

import static io.openoms.domain.testing.contract.ContractFixtures.ACC1;
import static io.openoms.domain.testing.contract.ContractFixtures.ACC2;
import static io.openoms.domain.testing.contract.ContractFixtures.ACC3;
import static io.openoms.domain.testing.contract.ContractFixtures.BTC;
import static io.openoms.domain.testing.contract.ContractFixtures.INFY;
import static io.openoms.domain.testing.contract.ContractFixtures.MEAN_REVERSION;
import static io.openoms.domain.testing.contract.ContractFixtures.MOMENTUM;
import static io.openoms.domain.testing.contract.ContractFixtures.NIFTY_FUT;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.IllegalOrderTransitionException;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderNotCancellableException;
import io.openoms.domain.order.OrderNotModifiableException;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Random but reproducible trading: orders of every type, time in force and product on three
 * instruments and three accounts (one per accounting method), pushed through random steps — fills,
 * cancels, modifications, rejections, expiries, locks, late fills, marks — and cut into batches of
 * random size. A step the domain refuses is skipped, as the engine would answer it with an error.
 */
final class RandomLifecycles {
    private static final List<Instrument> INSTRUMENTS = List.of(INFY, NIFTY_FUT, BTC);
    private static final List<AccountId> ACCOUNTS = List.of(ACC1, ACC2, ACC3);
    private static final List<StrategyId> STRATEGIES = List.of(MOMENTUM, MEAN_REVERSION);
    private static final List<Product> PRODUCTS = List.of(Product.CNC, Product.MIS, Product.NRML);

    private final Random random;
    private final EngineScript script;
    private final List<ClientOrderId> created = new ArrayList<>();

    RandomLifecycles(long seed, EngineScript script) {
        this.random = new Random(seed);
        this.script = script;
        script.accountingMethod(ACC2, AccountingMethod.FIFO).accountingMethod(ACC3, AccountingMethod.LIFO);
    }

    /** Runs until {@code orders} orders exist and most have settled, handing each batch to {@code journal}. */
    void run(int orders, Consumer<JournalBatch> journal) {
        int steps = 0;
        while (created.size() < orders || steps < orders * 12) {
            steps++;
            script.advance(random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2_000_000));
            if (created.size() < orders && (created.isEmpty() || random.nextInt(4) == 0)) {
                create();
            } else {
                step(created.get(random.nextInt(created.size())));
            }
            if (random.nextInt(6) == 0 && !script.nothingToJournal()) {
                journal.accept(script.takeBatch());
            }
        }
        if (!script.nothingToJournal()) {
            journal.accept(script.takeBatch());
        }
    }

    private void create() {
        Instrument instrument = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
        OrderType type = OrderType.values()[random.nextInt(OrderType.values().length)];
        OrderRequest.Builder request = OrderRequest.builder()
                .account(ACCOUNTS.get(random.nextInt(ACCOUNTS.size())))
                .strategy(STRATEGIES.get(random.nextInt(STRATEGIES.size())))
                .instrument(instrument.id())
                .side(random.nextBoolean() ? Side.BUY : Side.SELL)
                .type(type)
                .quantity(lots(instrument, 1 + random.nextInt(20)))
                .product(PRODUCTS.get(random.nextInt(PRODUCTS.size())));
        if (type.requiresLimitPrice()) {
            request.limitPrice(price(instrument));
        }
        if (type.requiresTriggerPrice()) {
            request.triggerPrice(price(instrument));
        }
        switch (random.nextInt(4)) {
            case 0 -> request.timeInForce(TimeInForce.DAY);
            case 1 -> request.timeInForce(TimeInForce.IOC);
            case 2 -> request.timeInForce(TimeInForce.GTC);
            default -> {
                request.timeInForce(TimeInForce.GTD);
                if (random.nextBoolean()) {
                    request.expiresIn(Duration.ofMinutes(1 + random.nextInt(300)));
                } else {
                    request.expiresAt(script.now().plusSeconds(3600 + random.nextInt(86_400)));
                }
            }
        }
        if (random.nextInt(3) == 0) {
            request.tag("t" + created.size());
        }
        if (random.nextInt(5) == 0 && !created.isEmpty()) {
            request.parentOrderId(created.get(random.nextInt(created.size())));
        }
        if (random.nextInt(6) == 0) {
            request.reduceOnly(true);
        }
        if (random.nextInt(3) == 0) {
            request.stopLoss(price(instrument)).takeProfit(price(instrument));
        }
        created.add(script.create(request.build(), instrument));
    }

    private void step(ClientOrderId id) {
        Order order = script.orders().get(id);
        try {
            switch (random.nextInt(16)) {
                case 0, 1 -> script.release(id);
                case 2 -> script.submit(id);
                case 3 -> script.accept(id, order.brokerOrderId().orElseGet(script::nextBrokerOrderId));
                case 4, 5, 6 -> fill(order);
                case 7 -> script.requestCancel(id);
                case 8 -> {
                    if (random.nextBoolean()) {
                        script.confirmCancel(id);
                    } else {
                        script.rejectCancel(id, "order is being traded");
                    }
                }
                case 9 -> script.requestModify(id, modification(order));
                case 10 -> {
                    if (random.nextBoolean()) {
                        script.confirmModify(id);
                    } else {
                        script.rejectModify(id, "price outside the band");
                    }
                }
                case 11 -> script.reject(id, rejection(order));
                case 12 -> script.expire(id);
                case 13 -> script.error(id, "lost track of the order at the broker");
                case 14 -> {
                    if (random.nextBoolean()) {
                        script.lockCancelUntil(id, script.now().plusNanos(random.nextInt(3_000_000) * 1000L));
                    } else {
                        script.lockModifyUntil(id, script.now().plusNanos(random.nextInt(3_000_000) * 1000L));
                    }
                }
                default -> script.mark(
                        order.instrument(), price(instrument(order)).toString());
            }
        } catch (IllegalOrderTransitionException | OrderNotCancellableException | OrderNotModifiableException e) {
            // refused by the domain; the order is unchanged and nothing was recorded
        }
    }

    private void fill(Order order) {
        Quantity remaining = order.remainingQuantity();
        if (!remaining.isPositive() || !order.status().isOpen() && random.nextInt(4) != 0) {
            return;
        }
        Instrument instrument = instrument(order);
        BigDecimal lots = remaining.value().divide(instrument.lotSize().value());
        long count = 1 + random.nextInt(lots.intValueExact());
        String fee = BigDecimal.valueOf(random.nextInt(2_000_000), 4).toPlainString();
        try {
            script.fill(
                    order.id(),
                    lots(instrument, count).toString(),
                    price(instrument).toString(),
                    fee);
        } catch (IllegalStateException refused) {
            // the order takes no fill in its state; nothing was recorded
        }
    }

    private OrderModification modification(Order order) {
        Instrument instrument = instrument(order);
        if (order.type().requiresLimitPrice() && random.nextBoolean()) {
            return OrderModification.limitPrice(price(instrument));
        }
        if (order.type().requiresTriggerPrice() && random.nextBoolean()) {
            return OrderModification.triggerPrice(price(instrument));
        }
        return OrderModification.quantity(order.quantity().plus(lots(instrument, 1 + random.nextInt(3))));
    }

    private Rejection rejection(Order order) {
        return switch (random.nextInt(3)) {
            case 0 -> Rejection.byRisk("MAX_ORDER_QUANTITY", "quantity " + order.quantity() + " above 5");
            case 1 -> Rejection.byBroker("Insufficient funds. Required margin is 1500.05");
            default -> Rejection.bySystem("broker session expired");
        };
    }

    private Quantity lots(Instrument instrument, long count) {
        return Quantity.of(instrument.lotSize().value().multiply(BigDecimal.valueOf(count)));
    }

    /** A price on the instrument's tick grid near a level typical for it. */
    private Price price(Instrument instrument) {
        BigDecimal base = instrument == BTC ? new BigDecimal("64000") : new BigDecimal("1500");
        return Price.of(base.add(instrument.tickSize().multiply(BigDecimal.valueOf(random.nextInt(2001) - 1000))));
    }

    private static Instrument instrument(Order order) {
        return INSTRUMENTS.stream()
                .filter(i -> i.id().equals(order.instrument()))
                .findFirst()
                .orElseThrow();
    }
}
