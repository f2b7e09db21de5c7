package io.openoms.domain.fees;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Money;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;

/**
 * Charges a fill at the rates its trading day had, each line rounded to the paisa half-up.
 *
 * <p>Brokerage is per executed order, so a fill is charged the order's brokerage so far (on its
 * whole turnover, capped or flat) less what its earlier fills were charged: an order filled in
 * three parts pays the cap once, not three times, and its fills' brokerage adds up to the
 * order's exactly. GST is computed on the rounded brokerage, exchange and SEBI lines.
 */
public final class ScheduledFeeModel implements FeeModel {
    private static final int PAISE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final FeeSchedule schedule;

    public ScheduledFeeModel(FeeSchedule schedule) {
        this.schedule = requireNonNull(schedule, "schedule is null");
    }

    @Override
    public FillCharges charges(ChargeableFill fill) {
        ChargeRates rates = schedule.ratesOn(fill.tradeDate(), fill.segment()).orElse(null);
        if (rates == null) {
            return FillCharges.NONE;
        }
        Money turnover = fill.turnover();
        boolean buy = fill.side() == Side.BUY;
        EnumMap<Charge, Money> lines = new EnumMap<>(Charge.class);
        lines.put(Charge.BROKERAGE, brokerage(rates, fill));
        lines.put(Charge.STT, percent(turnover, buy ? rates.sttBuyPercent() : rates.sttSellPercent()));
        lines.put(Charge.EXCHANGE_TRANSACTION, percent(turnover, rates.exchangeTransactionPercent(fill.exchange())));
        lines.put(Charge.SEBI_TURNOVER, percent(turnover, rates.sebiPercent()));
        lines.put(Charge.STAMP_DUTY, buy ? percent(turnover, rates.stampDutyBuyPercent()) : Money.ZERO);
        Money gstBase = lines.get(Charge.BROKERAGE)
                .plus(lines.get(Charge.EXCHANGE_TRANSACTION))
                .plus(lines.get(Charge.SEBI_TURNOVER));
        lines.put(Charge.GST, percent(gstBase, rates.gstPercent()));
        return FillCharges.of(lines);
    }

    private static Money brokerage(ChargeRates rates, ChargeableFill fill) {
        Money orderTurnover = fill.orderTurnoverBefore().plus(fill.turnover());
        Money orderBrokerage;
        if (rates.brokerageFlat().isPresent()) {
            orderBrokerage = rates.brokerageFlat().get();
        } else {
            orderBrokerage = percent(orderTurnover, rates.brokeragePercent());
            if (rates.brokerageCap().isPresent()) {
                orderBrokerage = orderBrokerage.min(rates.brokerageCap().get());
            }
        }
        Money due = orderBrokerage.minus(fill.orderBrokerageBefore());
        return due.isNegative() ? Money.ZERO : due;
    }

    private static Money percent(Money amount, BigDecimal percent) {
        BigDecimal exact = amount.amount().multiply(percent).divide(HUNDRED);
        return Money.of(exact.setScale(PAISE, RoundingMode.HALF_UP));
    }
}
