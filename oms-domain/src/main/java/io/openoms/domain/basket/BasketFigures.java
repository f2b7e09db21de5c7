package io.openoms.domain.basket;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a basket holds and is worth, from its legs' orders as they stand, per instrument:
 *
 * <ul>
 *   <li>{@code positions}: the net filled quantity, signed (buys minus sells);
 *   <li>{@code buyQuantity}, {@code sellQuantity}: filled quantity per side;
 *   <li>{@code averageBuyPrice}, {@code averageSellPrice}: weighted by filled quantity, over every
 *       fill of the side (an instrument with no fill on a side has none);
 *   <li>{@code mtm}: sell value − buy value + net position × last price. An instrument whose net
 *       position is not flat and has no last price is left out of {@code mtm} and of
 *       {@code totalMtm}, and listed in {@code unmarked}: a figure without a price is not a figure.
 * </ul>
 *
 * Fees are not in the MTM (they are in the positions' P&amp;L). {@code completed} are the sent
 * orders that are done (terminal), {@code pending} the sent orders still working; unsent legs are
 * in neither. The maps keep the order in which instruments first appear among the legs.
 */
public record BasketFigures(
        BasketStatus status,
        Map<InstrumentId, BigDecimal> positions,
        Map<InstrumentId, Quantity> buyQuantity,
        Map<InstrumentId, Quantity> sellQuantity,
        Map<InstrumentId, Price> averageBuyPrice,
        Map<InstrumentId, Price> averageSellPrice,
        Map<InstrumentId, Money> mtm,
        Money totalMtm,
        List<InstrumentId> unmarked,
        List<ClientOrderId> completed,
        List<ClientOrderId> pending) {

    public BasketFigures {
        requireNonNull(status, "status is null");
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        buyQuantity = Collections.unmodifiableMap(new LinkedHashMap<>(buyQuantity));
        sellQuantity = Collections.unmodifiableMap(new LinkedHashMap<>(sellQuantity));
        averageBuyPrice = Collections.unmodifiableMap(new LinkedHashMap<>(averageBuyPrice));
        averageSellPrice = Collections.unmodifiableMap(new LinkedHashMap<>(averageSellPrice));
        mtm = Collections.unmodifiableMap(new LinkedHashMap<>(mtm));
        requireNonNull(totalMtm, "totalMtm is null");
        unmarked = List.copyOf(unmarked);
        completed = List.copyOf(completed);
        pending = List.copyOf(pending);
    }

    /**
     * The figures of {@code basket}; {@code orders} looks up a sent leg's order (empty when the
     * store does not have it yet, which counts as working), {@code lastPrice} gives marks.
     */
    public static BasketFigures of(
            Basket basket,
            Function<ClientOrderId, Optional<Order>> orders,
            Function<InstrumentId, Optional<Price>> lastPrice) {
        Set<InstrumentId> seen = new LinkedHashSet<>();
        Map<InstrumentId, Quantity> bought = new LinkedHashMap<>();
        Map<InstrumentId, Quantity> sold = new LinkedHashMap<>();
        Map<InstrumentId, Money> boughtValue = new LinkedHashMap<>();
        Map<InstrumentId, Money> soldValue = new LinkedHashMap<>();
        List<ClientOrderId> completed = new ArrayList<>();
        List<ClientOrderId> pending = new ArrayList<>();
        int unsent = 0;
        int filledInFull = 0;
        int withFills = 0;
        for (BasketLeg leg : basket.legs()) {
            InstrumentId instrument = leg.request().instrument();
            seen.add(instrument);
            if (leg.orderId().isEmpty()) {
                unsent++;
                continue;
            }
            Optional<Order> found = orders.apply(leg.orderId().get());
            if (found.isEmpty() || !found.get().isTerminal()) {
                pending.add(leg.orderId().get());
            } else {
                completed.add(leg.orderId().get());
            }
            if (found.isEmpty()) {
                continue;
            }
            Order order = found.get();
            if (order.status() == OrderStatus.FILLED) {
                filledInFull++;
            }
            if (!order.fills().isEmpty()) {
                withFills++;
            }
            boolean buy = order.side() == Side.BUY;
            for (Fill fill : order.fills()) {
                (buy ? bought : sold).merge(instrument, fill.quantity(), Quantity::plus);
                (buy ? boughtValue : soldValue).merge(instrument, fill.notional(), Money::plus);
            }
        }

        Map<InstrumentId, BigDecimal> positions = new LinkedHashMap<>();
        Map<InstrumentId, Quantity> buyQuantity = new LinkedHashMap<>();
        Map<InstrumentId, Quantity> sellQuantity = new LinkedHashMap<>();
        Map<InstrumentId, Price> averageBuy = new LinkedHashMap<>();
        Map<InstrumentId, Price> averageSell = new LinkedHashMap<>();
        Map<InstrumentId, Money> mtm = new LinkedHashMap<>();
        List<InstrumentId> unmarked = new ArrayList<>();
        Money total = Money.ZERO;
        for (InstrumentId instrument : seen) {
            Quantity buys = bought.getOrDefault(instrument, Quantity.ZERO);
            Quantity sells = sold.getOrDefault(instrument, Quantity.ZERO);
            Money buyValue = boughtValue.getOrDefault(instrument, Money.ZERO);
            Money sellValue = soldValue.getOrDefault(instrument, Money.ZERO);
            BigDecimal net = buys.value().subtract(sells.value());
            positions.put(instrument, net);
            buyQuantity.put(instrument, buys);
            sellQuantity.put(instrument, sells);
            average(buyValue, buys).ifPresent(price -> averageBuy.put(instrument, price));
            average(sellValue, sells).ifPresent(price -> averageSell.put(instrument, price));
            Money realized = sellValue.minus(buyValue);
            if (net.signum() == 0) {
                mtm.put(instrument, realized);
                total = total.plus(realized);
                continue;
            }
            Optional<Price> mark = lastPrice.apply(instrument);
            if (mark.isEmpty()) {
                unmarked.add(instrument);
                continue;
            }
            Money value = realized.plus(Money.of(net.multiply(mark.get().value())));
            mtm.put(instrument, value);
            total = total.plus(value);
        }
        BasketStatus status = status(basket.legs().size(), unsent, pending.size(), filledInFull, withFills);
        return new BasketFigures(
                status,
                positions,
                buyQuantity,
                sellQuantity,
                averageBuy,
                averageSell,
                mtm,
                total,
                unmarked,
                completed,
                pending);
    }

    private static BasketStatus status(int legs, int unsent, int pending, int filledInFull, int withFills) {
        if (unsent == legs) {
            return BasketStatus.NEW;
        }
        if (unsent > 0 || pending > 0) {
            return BasketStatus.WORKING;
        }
        if (filledInFull == legs) {
            return BasketStatus.COMPLETE;
        }
        return withFills == 0 ? BasketStatus.CANCELLED : BasketStatus.PARTIAL;
    }

    private static Optional<Price> average(Money value, Quantity quantity) {
        if (quantity.isZero()) {
            return Optional.empty();
        }
        return Optional.of(Price.of(value.amount().divide(quantity.value(), DecimalPrecision.DIVISION)));
    }
}
