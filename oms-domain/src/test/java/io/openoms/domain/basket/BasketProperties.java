package io.openoms.domain.basket;

import static io.openoms.domain.basket.BasketBook.ACCOUNT;
import static io.openoms.domain.basket.BasketBook.INFY;
import static io.openoms.domain.basket.BasketBook.STRATEGY;
import static io.openoms.domain.basket.BasketBook.T0;
import static io.openoms.domain.basket.BasketBook.TCS;
import static io.openoms.domain.basket.BasketBook.limit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasketProperties {
    private static final List<InstrumentId> INSTRUMENTS = List.of(INFY, TCS);

    /**
     * Each leg is encoded as one int: instrument (bit 0), side (bit 1), quantity 1-20 (bits 2-6) and
     * the part of it filled, in lots of the generated fills (the rest of the bits).
     */
    @Test
    void net_position_is_the_signed_sum_of_the_legs_fills_and_total_mtm_the_sum_of_mtm() {
        qt().withFixedSeed(120725L)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 8))
                .checkAssert(codes -> {
                    BasketBook book = new BasketBook();
                    Basket basket = Basket.create(BasketId.of("BK-P"), Optional.empty(), ACCOUNT, STRATEGY, false, T0);
                    for (int code : codes) {
                        InstrumentId instrument = INSTRUMENTS.get(code & 1);
                        boolean buy = (code & 2) != 0;
                        long quantity = 1 + ((code >>> 2) & 31) % 20;
                        basket = basket.add(Optional.empty(), limit(instrument, buy, quantity, "100"));
                    }
                    for (BasketLeg leg : basket.unsentLegs()) {
                        String id = "BK-P-" + leg.key();
                        book.send(leg, id);
                        basket = basket.sent(leg.key(), ClientOrderId.of(id));
                    }
                    int index = 0;
                    for (int code : codes) {
                        long quantity = 1 + ((code >>> 2) & 31) % 20;
                        long filled = (code >>> 7) % (quantity + 1);
                        long first = filled / 2;
                        if (first > 0) {
                            book.fill("BK-P-" + index, first, "100." + (code % 20) * 5 / 10);
                        }
                        if (filled - first > 0) {
                            book.fill("BK-P-" + index, filled - first, "99.95");
                        }
                        index++;
                    }

                    BasketFigures figures =
                            BasketFigures.of(basket, book::find, instrument -> Optional.of(Price.of("101.05")));

                    Map<InstrumentId, BigDecimal> naive = new HashMap<>();
                    for (ClientOrderId id : basket.orderIds()) {
                        Order order = book.find(id).orElseThrow();
                        for (Fill fill : order.fills()) {
                            naive.merge(order.instrument(), fill.quantity().signed(order.side()), BigDecimal::add);
                        }
                    }
                    figures.positions().forEach((instrument, net) -> {
                        assertThat(net).isEqualByComparingTo(naive.getOrDefault(instrument, BigDecimal.ZERO));
                        assertThat(figures.buyQuantity()
                                        .get(instrument)
                                        .value()
                                        .subtract(figures.sellQuantity()
                                                .get(instrument)
                                                .value()))
                                .isEqualByComparingTo(net);
                    });
                    Money sum = figures.mtm().values().stream().reduce(Money.ZERO, Money::plus);
                    assertThat(figures.totalMtm()).isEqualTo(sum);
                    assertThat(figures.completed().size() + figures.pending().size())
                            .isEqualTo(basket.orderIds().size());
                });
    }
}
