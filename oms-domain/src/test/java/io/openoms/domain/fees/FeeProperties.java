package io.openoms.domain.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeeProperties {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private final FeeModel zerodha = ZerodhaCharges.model();

    /**
     * However an order is split into fills, its fills' brokerage adds up to what the order would
     * pay filled at once: the cap or the flat fee is charged once per order, never per fill.
     */
    @Test
    void brokerage_of_an_order_does_not_depend_on_how_it_was_filled() {
        qt().withFixedSeed(20261207L)
                .forAll(
                        lists().of(integers().between(1, 400)).ofSizeBetween(1, 8),
                        integers().between(1, 400_000),
                        integers().between(0, 3))
                .checkAssert((parts, paise, segmentIndex) -> {
                    ChargeSegment segment = ChargeSegment.values()[segmentIndex];
                    String exchange =
                            segment == ChargeSegment.FUTURES || segment == ChargeSegment.OPTIONS ? "NFO" : "NSE";
                    Price price =
                            Price.of(Money.of(paise).amount().movePointLeft(2).toPlainString());
                    assertThat(brokerageFilledIn(parts, segment, exchange, price))
                            .isEqualTo(brokerageFilledIn(
                                    List.of(parts.stream()
                                            .mapToInt(Integer::intValue)
                                            .sum()),
                                    segment,
                                    exchange,
                                    price));
                });
    }

    private Money brokerageFilledIn(List<Integer> parts, ChargeSegment segment, String exchange, Price price) {
        Money turnover = Money.ZERO;
        Money brokerage = Money.ZERO;
        for (int part : parts) {
            ChargeableFill fill =
                    new ChargeableFill(segment, exchange, Side.BUY, Quantity.of(part), price, DAY, turnover, brokerage);
            FillCharges charges = zerodha.charges(fill);
            assertThat(charges.lines().values()).allMatch(amount -> !amount.isNegative());
            turnover = turnover.plus(fill.turnover());
            brokerage = brokerage.plus(charges.amount(Charge.BROKERAGE));
        }
        return brokerage;
    }
}
