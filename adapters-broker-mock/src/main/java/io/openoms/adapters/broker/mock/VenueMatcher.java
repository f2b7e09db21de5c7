package io.openoms.adapters.broker.mock;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.LiquiditySide;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The venue's matching: acknowledging, matching attempts, fills and cancels of working orders, by the
 * rules described on {@link SimulatedVenue}. Split out so those rules read apart from the venue's
 * public API; it works on the venue's own collections and runs only under the venue lock.
 */
final class VenueMatcher {
    private final MockVenueConfig config;
    private final Map<InstrumentId, PriceProcess> prices;
    private final Set<VenueOrder> working;
    private final List<BrokerTrade> trades;
    private final VenuePositions positions;
    private final VenueUpdateStream stream;
    private final String idPrefix;
    private final Supplier<Instant> clock;
    private long tradeSequence;

    VenueMatcher(
            MockVenueConfig config,
            Map<InstrumentId, PriceProcess> prices,
            Set<VenueOrder> working,
            List<BrokerTrade> trades,
            VenuePositions positions,
            VenueUpdateStream stream,
            String idPrefix,
            Supplier<Instant> clock) {
        this.config = config;
        this.prices = prices;
        this.working = working;
        this.trades = trades;
        this.positions = positions;
        this.stream = stream;
        this.idPrefix = idPrefix;
        this.clock = clock;
    }

    void acknowledge(VenueOrder order) {
        order.updatedAt = clock.get();
        if (order.rejectOnAcknowledgement.isPresent()) {
            order.state = VenueOrder.State.REJECTED;
            order.statusMessage = order.rejectOnAcknowledgement;
            order.cancelled = order.remaining();
            working.remove(order);
            stream.emitOrder(order);
            return;
        }
        order.state = VenueOrder.State.OPEN;
        if (order.holdAcknowledgement) {
            order.heldAcknowledgement = Optional.of(order.snapshot());
        } else {
            stream.emit(new VenueUpdate.OrderUpdate(order.snapshot()));
        }
        match(order, true);
    }

    /** One matching attempt; {@code arrival} when the order just arrived (or changed) and takes liquidity. */
    void match(VenueOrder order, boolean arrival) {
        if (order.state != VenueOrder.State.OPEN) {
            return;
        }
        PriceProcess process = prices.get(order.instrument);
        Price last = process.last();
        boolean taker = arrival;
        boolean justTriggered = false;
        if (order.awaitsTrigger()) {
            Price trigger = order.triggerPrice.orElseThrow();
            boolean reached = order.side == Side.BUY ? !last.isLessThan(trigger) : !last.isGreaterThan(trigger);
            if (!reached) {
                if (order.cancelAfterNextFill) {
                    // an untriggered stop cannot trade, so the delayed cancel has nothing to wait for
                    order.cancelAfterNextFill = false;
                    cancelRemainder(order, "cancelled on request");
                }
                return;
            }
            order.triggered = true;
            taker = true;
            justTriggered = true;
        }
        boolean forced = order.cancelAfterNextFill;
        boolean firstAttempt = !order.attempted;
        order.attempted = true;
        Optional<Price> price = executionPrice(order, process, taker, forced);
        if (price.isPresent()) {
            fill(order, slice(order, process), price.get(), taker);
        } else if (justTriggered) {
            order.updatedAt = clock.get();
            stream.emitOrder(order);
        }
        if (order.state == VenueOrder.State.OPEN && forced) {
            order.cancelAfterNextFill = false;
            cancelRemainder(order, "cancelled on request");
        } else if (order.state == VenueOrder.State.OPEN && order.timeInForce == TimeInForce.IOC && firstAttempt) {
            cancelRemainder(order, "IOC remainder cancelled");
        }
    }

    /**
     * The price {@code order} trades at now, if it trades. A forced fill (a cancel delayed behind
     * one more fill) trades a limit order at its limit even if the price has not crossed it.
     */
    private Optional<Price> executionPrice(VenueOrder order, PriceProcess process, boolean taker, boolean forced) {
        Price last = process.last();
        boolean buy = order.side == Side.BUY;
        Price market = process.offset(last, buy ? config.slippageTicks() : -config.slippageTicks());
        if (!order.type.requiresLimitPrice()) {
            return Optional.of(market);
        }
        Price limit = order.limitPrice.orElseThrow();
        boolean crosses = buy ? !last.isGreaterThan(limit) : !last.isLessThan(limit);
        if (!crosses) {
            return forced ? Optional.of(limit) : Optional.empty();
        }
        if (!taker) {
            return Optional.of(limit);
        }
        if (buy) {
            return Optional.of(market.isLessThan(limit) ? market : limit);
        }
        return Optional.of(market.isGreaterThan(limit) ? market : limit);
    }

    /** What one matching round may fill: the remainder, capped by the liquidity in whole lots (at least one). */
    private Quantity slice(VenueOrder order, PriceProcess process) {
        Quantity remaining = order.remaining();
        if (config.liquidityPerStep().isEmpty()) {
            return remaining;
        }
        BigDecimal lot = process.instrument().lotSize().value();
        BigDecimal lots = config.liquidityPerStep()
                .get()
                .value()
                .divideToIntegralValue(lot)
                .max(BigDecimal.ONE);
        return remaining.min(Quantity.of(lots.multiply(lot)));
    }

    private void fill(VenueOrder order, Quantity quantity, Price price, boolean taker) {
        Money fee = quantity.times(price)
                .times(config.feeBasisPoints().movePointLeft(4))
                .plus(config.feePerFill());
        Fill fill = new Fill(
                TradeId.of(idPrefix + String.format("%06d", ++tradeSequence)),
                quantity,
                price,
                fee,
                clock.get(),
                Optional.of(taker ? LiquiditySide.TAKER : LiquiditySide.MAKER));
        order.filled = order.filled.plus(quantity);
        order.filledNotional = order.filledNotional.add(quantity.value().multiply(price.value()));
        order.updatedAt = clock.get();
        if (order.remaining().isZero()) {
            order.state = VenueOrder.State.COMPLETE;
            working.remove(order);
        }
        BrokerTrade trade = new BrokerTrade(order.id, order.instrument, order.side, order.product, fill);
        trades.add(trade);
        positions.apply(order.instrument, order.product, order.side, quantity, price);
        stream.emit(new VenueUpdate.TradeUpdate(trade));
        stream.emitOrder(order);
    }

    void cancelRemainder(VenueOrder order, String message) {
        order.cancelled = order.remaining();
        order.state = VenueOrder.State.CANCELLED;
        order.statusMessage = Optional.of(message);
        order.updatedAt = clock.get();
        working.remove(order);
        stream.emitOrder(order);
    }
}
