package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.port.out.InstrumentCatalog;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionManager;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The risk view over the engine's state, read on the engine thread during one decision, so it is
 * consistent for the whole of it. Prices: the last price from {@link MarketData}, else the
 * position's last mark, else its average price.
 */
final class EngineRiskContext implements RiskContext {
    private final Instant now;
    private final OrderManager orders;
    private final PositionManager positions;
    private final Map<AccountId, RiskLimits> limits;
    private final Map<AccountId, TradingStateChange> tradingStates;
    private final InstrumentCatalog instruments;
    private final MarketData marketData;
    private final EngineConfig config;
    private final Function<AccountId, Money> dailyPnl;

    EngineRiskContext(
            Instant now,
            OrderManager orders,
            PositionManager positions,
            Map<AccountId, RiskLimits> limits,
            Map<AccountId, TradingStateChange> tradingStates,
            InstrumentCatalog instruments,
            MarketData marketData,
            EngineConfig config,
            Function<AccountId, Money> dailyPnl) {
        this.now = requireNonNull(now, "now is null");
        this.orders = requireNonNull(orders, "orders is null");
        this.positions = requireNonNull(positions, "positions is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.tradingStates = requireNonNull(tradingStates, "tradingStates is null");
        this.instruments = requireNonNull(instruments, "instruments is null");
        this.marketData = requireNonNull(marketData, "marketData is null");
        this.config = requireNonNull(config, "config is null");
        this.dailyPnl = requireNonNull(dailyPnl, "dailyPnl is null");
    }

    /** The account's realized plus unrealized P&L over all its positions, open and closed. */
    static Money totalPnl(PositionManager positions, MarketData marketData, AccountId account) {
        Money total = positions.realizedPnl(account);
        for (Position position : positions.openPositionView(account)) {
            total = total.plus(valuationPrice(position, marketData)
                    .map(position::unrealizedPnl)
                    .orElse(Money.ZERO));
        }
        return total;
    }

    private static Optional<Price> valuationPrice(Position position, MarketData marketData) {
        return marketData
                .lastPrice(position.key().instrument())
                .or(position::lastMark)
                .or(position::averagePrice);
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public TradingState tradingState(AccountId account) {
        TradingStateChange change = tradingStates.get(account);
        return change == null ? TradingState.ACTIVE : change.state();
    }

    @Override
    public RiskLimits limits(AccountId account) {
        return limits.getOrDefault(account, RiskLimits.defaults());
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrument) {
        return instruments.find(instrument);
    }

    @Override
    public Optional<Price> lastPrice(InstrumentId instrument) {
        return marketData.lastPrice(instrument);
    }

    @Override
    public Optional<CircuitLimits> circuitLimits(InstrumentId instrument) {
        return marketData.circuitLimits(instrument);
    }

    @Override
    public BigDecimal netPosition(AccountId account, InstrumentId instrument, Product product) {
        return positions.netQuantity(account, instrument, product);
    }

    @Override
    public BigDecimal openOrderQuantity(AccountId account, InstrumentId instrument, Product product, Side side) {
        return orders.openOrderTotals().remainingQuantity(account, instrument, product, side);
    }

    @Override
    public int openPositionCount(AccountId account) {
        return positions.openPositionView(account).size();
    }

    @Override
    public int openOrderCount(AccountId account) {
        return orders.openOrderTotals().count(account);
    }

    @Override
    public Money grossExposure(AccountId account) {
        return longExposure(account).plus(shortExposure(account));
    }

    @Override
    public Money openOrderNotional(AccountId account, Side side) {
        return orders.openOrderTotals().notional(account, side, marketData::lastPrice);
    }

    @Override
    public Money longExposure(AccountId account) {
        return exposure(account, true);
    }

    @Override
    public Money shortExposure(AccountId account) {
        return exposure(account, false);
    }

    private Money exposure(AccountId account, boolean longSide) {
        Money total = Money.ZERO;
        for (Position position : positions.openPositionView(account)) {
            boolean isLong = position.signedQuantity().signum() > 0;
            if (isLong != longSide) {
                continue;
            }
            Optional<Price> price = valuationPrice(position, marketData);
            if (price.isPresent()) {
                total = total.plus(position.quantity().times(price.get()).abs());
            }
        }
        return total;
    }

    @Override
    public Money capital(AccountId account) {
        return config.account(account).map(AccountSettings::capital).orElse(Money.ZERO);
    }

    /** The configured buying power less the notional of the account's working buy orders. */
    @Override
    public Money buyingPower(AccountId account) {
        Money configured =
                config.account(account).map(AccountSettings::buyingPower).orElse(Money.ZERO);
        return configured.minus(openOrderNotional(account, Side.BUY));
    }

    @Override
    public Money dailyPnl(AccountId account) {
        return dailyPnl.apply(account);
    }
}
