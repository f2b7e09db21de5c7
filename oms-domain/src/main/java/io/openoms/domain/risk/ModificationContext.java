package io.openoms.domain.risk;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.Order;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The world as a modification of one working order sees it: the order is taken out of the working
 * orders (its remaining quantity, its count, its notional, and the buying power its notional holds),
 * because the checks add the order as it would stand after the change, and counting the old one too
 * would refuse changes that add nothing. Under {@code REDUCING}, a change that only lowers the
 * quantity sees {@code ACTIVE}: shrinking a working order can only take risk away.
 */
final class ModificationContext implements RiskContext {
    private final RiskContext world;
    private final Order order;
    private final boolean onlyReducesRisk;

    ModificationContext(RiskContext world, Order order, boolean onlyReducesRisk) {
        this.world = requireNonNull(world, "world is null");
        this.order = requireNonNull(order, "order is null");
        this.onlyReducesRisk = onlyReducesRisk;
    }

    private boolean ownAccount(AccountId account) {
        return order.isOpen() && order.account().equals(account);
    }

    /** What the order holds now, valued as {@link RiskContext#openOrderNotional} values working orders. */
    private Money ownNotional() {
        return OrderValuation.workingNotional(order, world.lastPrice(order.instrument()))
                .orElse(Money.ZERO);
    }

    @Override
    public Instant now() {
        return world.now();
    }

    @Override
    public TradingState tradingState(AccountId account) {
        TradingState state = world.tradingState(account);
        return state == TradingState.REDUCING && onlyReducesRisk && ownAccount(account) ? TradingState.ACTIVE : state;
    }

    @Override
    public RiskLimits limits(AccountId account) {
        return world.limits(account);
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrument) {
        return world.instrument(instrument);
    }

    @Override
    public Optional<Price> lastPrice(InstrumentId instrument) {
        return world.lastPrice(instrument);
    }

    @Override
    public Optional<CircuitLimits> circuitLimits(InstrumentId instrument) {
        return world.circuitLimits(instrument);
    }

    @Override
    public BigDecimal netPosition(AccountId account, InstrumentId instrument, Product product) {
        return world.netPosition(account, instrument, product);
    }

    @Override
    public BigDecimal openOrderQuantity(AccountId account, InstrumentId instrument, Product product, Side side) {
        BigDecimal working = world.openOrderQuantity(account, instrument, product, side);
        if (ownAccount(account)
                && order.instrument().equals(instrument)
                && order.product().equals(product)
                && order.side() == side) {
            return working.subtract(order.remainingQuantity().value()).max(BigDecimal.ZERO);
        }
        return working;
    }

    @Override
    public int openPositionCount(AccountId account) {
        return world.openPositionCount(account);
    }

    @Override
    public int openOrderCount(AccountId account) {
        int working = world.openOrderCount(account);
        return ownAccount(account) ? Math.max(0, working - 1) : working;
    }

    @Override
    public Money grossExposure(AccountId account) {
        return world.grossExposure(account);
    }

    @Override
    public Money openOrderNotional(AccountId account, Side side) {
        Money working = world.openOrderNotional(account, side);
        return ownAccount(account) && order.side() == side
                ? working.minus(ownNotional()).max(Money.ZERO)
                : working;
    }

    @Override
    public Money longExposure(AccountId account) {
        return world.longExposure(account);
    }

    @Override
    public Money shortExposure(AccountId account) {
        return world.shortExposure(account);
    }

    @Override
    public Money capital(AccountId account) {
        return world.capital(account);
    }

    @Override
    public Money buyingPower(AccountId account) {
        Money available = world.buyingPower(account);
        return ownAccount(account) && order.side() == Side.BUY ? available.plus(ownNotional()) : available;
    }

    @Override
    public Money dailyPnl(AccountId account) {
        return world.dailyPnl(account);
    }
}
