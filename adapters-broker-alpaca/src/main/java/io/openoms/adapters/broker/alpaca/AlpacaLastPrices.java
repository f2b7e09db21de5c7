package io.openoms.adapters.broker.alpaca;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.value.Price;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Last prices as the Trading API knows them, for risk checks and marks: the latest fill price of each
 * instrument seen on the stream, and the {@code current_price} of every held position ({@link
 * #refresh}, a schedule). Alpaca's quotes live in its separate Market Data API, which this adapter
 * does not use: an instrument neither held nor traded has no last price here.
 *
 * <p>It sits between the stream and the core ({@link BrokerUpdates}), passing everything on.
 * Thread safety: safe from any thread; {@link #lastPrice} never blocks.
 */
public final class AlpacaLastPrices implements MarketData, BrokerUpdates {
    private final AlpacaBrokerGateway gateway;
    private final Map<InstrumentId, Price> prices = new ConcurrentHashMap<>();
    private volatile BrokerUpdates core;

    public AlpacaLastPrices(AlpacaBrokerGateway gateway) {
        this.gateway = requireNonNull(gateway, "gateway is null");
    }

    /** Where the updates go on: the core. */
    public AlpacaLastPrices forwardingTo(BrokerUpdates core) {
        this.core = requireNonNull(core, "core is null");
        return this;
    }

    @Override
    public Optional<Price> lastPrice(InstrumentId instrument) {
        return Optional.ofNullable(prices.get(instrument));
    }

    /** Reads the positions' current prices; a failure keeps the prices known so far. */
    public BrokerResult<Integer> refresh() {
        BrokerResult<Map<InstrumentId, Price>> current = gateway.positionPrices();
        if (current instanceof BrokerResult.Success<Map<InstrumentId, Price>> success) {
            prices.putAll(success.value());
            return BrokerResult.success(success.value().size());
        }
        return AlpacaResults.failure(current);
    }

    @Override
    public void orderUpdated(String broker, BrokerOrder order) {
        core().orderUpdated(broker, order);
    }

    @Override
    public void tradeReported(String broker, BrokerTrade trade) {
        prices.put(trade.instrument(), trade.fill().price());
        core().tradeReported(broker, trade);
    }

    @Override
    public void malformedPayload(String broker, String rawPayload, String problem) {
        core().malformedPayload(broker, rawPayload, problem);
    }

    @Override
    public void streamReconnected(String broker) {
        core().streamReconnected(broker);
    }

    private BrokerUpdates core() {
        BrokerUpdates target = core;
        if (target == null) {
            throw new IllegalStateException("the Alpaca updates have nowhere to go yet");
        }
        return target;
    }
}
