package io.openoms.app;

import static java.util.Objects.requireNonNull;

import io.openoms.application.engine.EngineControl;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.position.Position;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One pass marking every instrument with an open position to the broker's last price, for
 * unrealized P&amp;L; an instrument without a price keeps its last mark. Thread safety: safe from any
 * thread.
 */
final class MarkPricesLoop implements Runnable {
    private final EngineControl engine;
    private final MarketData marketData;

    MarkPricesLoop(EngineControl engine, MarketData marketData) {
        this.engine = requireNonNull(engine, "engine is null");
        this.marketData = requireNonNull(marketData, "marketData is null");
    }

    @Override
    public void run() {
        Set<InstrumentId> instruments = new LinkedHashSet<>();
        for (Position position : engine.positions(false)) {
            instruments.add(position.key().instrument());
        }
        for (InstrumentId instrument : instruments) {
            marketData.lastPrice(instrument).ifPresent(price -> engine.markPrice(instrument, price));
        }
    }
}
