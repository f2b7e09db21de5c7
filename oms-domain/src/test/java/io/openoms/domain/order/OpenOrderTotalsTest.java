package io.openoms.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.risk.OrderValuation;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The running totals over open orders equal the naive sums over {@link OrderManager#openOrders()}
 * after any sequence of order events: creations of every type, acknowledgements, partial and full
 * fills, cancels, rejections, modifications, unknown outcomes and errors.
 */
class OpenOrderTotalsTest {
    private static final Instant T0 = Instant.parse("2024-03-04T04:30:00Z");
    private static final List<AccountId> ACCOUNTS = List.of(AccountId.of("ACC-1"), AccountId.of("ACC-2"));
    private static final InstrumentId PRICED = InstrumentId.parse("NSE:INFY");
    private static final InstrumentId UNPRICED = InstrumentId.parse("NSE:TCS");
    private static final List<InstrumentId> INSTRUMENTS = List.of(PRICED, UNPRICED);
    private static final List<Product> PRODUCTS = List.of(Product.CNC, Product.MIS);
    /** A last price for one instrument only, so that unpriced orders of the other fall back to their trigger. */
    private static final Function<InstrumentId, Optional<Price>> LAST_PRICE =
            instrument -> instrument.equals(PRICED) ? Optional.of(Price.of("101.5")) : Optional.empty();

    @Test
    void everyTotalEqualsTheNaiveSumAfterAnySequenceOfEvents() {
        qt().withFixedSeed(20_241_207L)
                .withExamples(150)
                .forAll(lists().of(integers().between(0, 99_999)).ofSizeBetween(1, 60))
                .checkAssert(steps -> {
                    OrderManager orders = new OrderManager();
                    List<ClientOrderId> ids = new ArrayList<>();
                    for (int step : steps) {
                        apply(orders, ids, step);
                        assertTotalsMatchOpenOrders(orders);
                    }
                });
    }

    @Test
    void totalsAreRebuiltWhenOrdersAreRestored() {
        OrderManager orders = new OrderManager();
        List<ClientOrderId> ids = new ArrayList<>();
        for (int step = 0; step < 200; step++) {
            apply(orders, ids, step * 7_919 % 100_000);
        }
        OrderManager restored = new OrderManager();
        orders.openOrders().forEach(restored::restore);

        assertTotalsMatchOpenOrders(restored);
        assertThat(restored.openOrderTotals().count(ACCOUNTS.get(0)))
                .isEqualTo(orders.openOrderTotals().count(ACCOUNTS.get(0)));
    }

    /** One event, chosen and parameterised by the digits of {@code step}; refusals leave the order as it was. */
    private static void apply(OrderManager orders, List<ClientOrderId> ids, int step) {
        int kind = step % 12;
        int a = step / 12;
        Instant now = T0.plusSeconds(ids.size());
        if (kind <= 2 || ids.isEmpty()) {
            ClientOrderId id = ClientOrderId.of("O-" + ids.size());
            OrderRequest.Builder request = OrderRequest.builder()
                    .account(ACCOUNTS.get(a % 2))
                    .strategy("s")
                    .instrument(INSTRUMENTS.get(a / 2 % 2))
                    .product(PRODUCTS.get(a / 4 % 2))
                    .side(a / 8 % 2 == 0 ? Side.BUY : Side.SELL)
                    .quantity(1 + a / 16 % 10);
            String price = String.valueOf(95 + a / 160 % 10) + ".25";
            switch (kind % 3) {
                case 0 -> request.type(OrderType.LIMIT).limitPrice(price);
                case 1 -> request.type(OrderType.MARKET);
                default -> request.type(OrderType.STOP).triggerPrice(price);
            }
            orders.create(id, request.build(), Optional.empty(), now);
            orders.release(id, now);
            ids.add(id);
            return;
        }
        ClientOrderId id = ids.get(a % ids.size());
        Order order = orders.get(id);
        try {
            switch (kind) {
                case 3 -> {
                    orders.markSubmitted(id, now);
                    orders.accept(id, BrokerOrderId.of("B-" + id.value()), now);
                }
                case 4 -> {
                    long remaining = order.remainingQuantity().value().longValueExact();
                    long quantity = Math.max(1, Math.min(remaining, 1 + a / 7 % 4));
                    orders.applyFill(id, Fill.of("T-" + step + "-" + ids.size(), quantity, "100", "0", now), now);
                }
                case 5 -> {
                    orders.requestCancel(id, now);
                    orders.confirmCancel(id, now);
                }
                case 6 -> orders.requestCancel(id, now);
                case 7 -> orders.rejectByBroker(id, "no", now);
                case 8 -> {
                    OrderModification modification = order.limitPrice().isPresent() && a % 2 == 0
                            ? OrderModification.limitPrice(Price.of(90 + a % 7))
                            : OrderModification.quantity(
                                    Quantity.of(order.filledQuantity().value().longValueExact() + 1 + a % 5));
                    orders.requestModify(id, modification, now);
                    if (a % 3 != 0) {
                        orders.confirmModify(id, now);
                    }
                }
                case 9 -> {
                    orders.markSubmitted(id, now);
                    orders.recordOutcomeUnknown(id, UnknownOperation.SUBMIT, "timed out", now);
                }
                case 10 -> orders.error(id, "lost", now);
                default -> orders.rejectCancel(id, "too late", now);
            }
        } catch (RuntimeException refused) {
            // An illegal transition or request is refused and leaves the order unchanged.
        }
    }

    private static void assertTotalsMatchOpenOrders(OrderManager orders) {
        OpenOrderTotals totals = orders.openOrderTotals();
        List<Order> open = orders.openOrders();
        for (AccountId account : ACCOUNTS) {
            assertThat(totals.count(account))
                    .as("open orders of %s", account)
                    .isEqualTo(open.stream()
                            .filter(o -> o.account().equals(account))
                            .count());
            for (Side side : Side.values()) {
                Money notional = totals.notional(account, side, LAST_PRICE);
                assertThat(notional)
                        .as("notional of %s %s", account, side)
                        .isEqualTo(naiveNotional(open, account, side));
                // A modification's checks take the order's own notional out of these totals: what is
                // left must be exactly the notional of the account's other orders on that side.
                for (Order order : open) {
                    if (order.account().equals(account) && order.side() == side) {
                        List<Order> others =
                                open.stream().filter(o -> o != order).toList();
                        Money own = OrderValuation.workingNotional(order, LAST_PRICE.apply(order.instrument()))
                                .orElse(Money.ZERO);
                        assertThat(notional.minus(own))
                                .as("notional of %s %s without %s", account, side, order.id())
                                .isEqualTo(naiveNotional(others, account, side));
                    }
                }
                for (InstrumentId instrument : INSTRUMENTS) {
                    for (Product product : PRODUCTS) {
                        BigDecimal naive = open.stream()
                                .filter(o -> o.account().equals(account)
                                        && o.instrument().equals(instrument)
                                        && o.product().equals(product)
                                        && o.side() == side)
                                .map(o -> o.remainingQuantity().value())
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        assertThat(totals.remainingQuantity(account, instrument, product, side))
                                .as("remaining of %s %s %s %s", account, instrument, product, side)
                                .isEqualByComparingTo(naive);
                    }
                }
            }
            for (InstrumentId instrument : INSTRUMENTS) {
                Optional<ClientOrderId> naive = open.stream()
                        .filter(o -> o.account().equals(account)
                                && o.instrument().equals(instrument)
                                && o.outcomeUnknown()
                                        .filter(u -> u.operation() == UnknownOperation.SUBMIT)
                                        .isPresent())
                        .map(Order::id)
                        .findFirst();
                assertThat(orders.unknownSubmit(account, instrument)
                                .map(Order::id)
                                .isPresent())
                        .as("unknown submit of %s in %s", account, instrument)
                        .isEqualTo(naive.isPresent());
            }
        }
    }

    /** Each working order summed by the one rule for a working order's notional, as a modification takes it out. */
    private static Money naiveNotional(List<Order> open, AccountId account, Side side) {
        Money total = Money.ZERO;
        for (Order order : open) {
            if (order.account().equals(account) && order.side() == side) {
                total = total.plus(OrderValuation.workingNotional(order, LAST_PRICE.apply(order.instrument()))
                        .orElse(Money.ZERO));
            }
        }
        return total;
    }
}
