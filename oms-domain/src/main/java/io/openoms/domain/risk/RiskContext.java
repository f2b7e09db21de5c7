package io.openoms.domain.risk;

import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A read-only view of the world for one pre-trade decision. The application implements it from
 * the order and position managers, the instrument catalog and market data; it must give the same
 * answers for the whole of one {@link PreTradeValidator#validate} call (a snapshot, or a view read
 * on the single writer thread).
 *
 * <p>Units and signs: quantities are in instrument units (shares, contracts), not lots; every
 * {@link Money} is in the account's currency; exposures are non-negative magnitudes valued at the
 * last (mark) price; P&amp;L is signed, negative for a loss.
 */
public interface RiskContext {

    /** The instant of the decision; every time-based check uses it, never the system clock. */
    Instant now();

    /** The account's trading state; {@link TradingState#ACTIVE} unless an operator or rule changed it. */
    TradingState tradingState(AccountId account);

    /** The account's limits, with their per-instrument overrides; {@link RiskLimits#defaults()} when none are configured. */
    RiskLimits limits(AccountId account);

    /** The instrument's reference data, or empty when the catalog does not know it. */
    Optional<Instrument> instrument(InstrumentId instrument);

    /** The last traded (or mark) price, or empty when no price has been seen. */
    Optional<Price> lastPrice(InstrumentId instrument);

    /**
     * The day's circuit band of the instrument, or empty when market data does not know it.
     * Abstract on purpose: a wrapping context that forgot to delegate would silently skip the check.
     */
    Optional<CircuitLimits> circuitLimits(InstrumentId instrument);

    /**
     * The account's signed net position in the instrument under the product: positive long,
     * negative short, zero flat. It is the position as the broker sees it, summed across
     * strategies, because the broker nets them.
     */
    BigDecimal netPosition(AccountId account, InstrumentId instrument, Product product);

    /**
     * The remaining (unfilled) quantity of the account's working orders in the instrument under
     * the product on {@code side}; non-negative. Used so that orders in flight count: two
     * reduce-only sells cannot together flip a position.
     */
    BigDecimal openOrderQuantity(AccountId account, InstrumentId instrument, Product product, Side side);

    /** The number of non-flat positions of the account, across instruments and products. */
    int openPositionCount(AccountId account);

    /** The number of working (not terminal) orders of the account. */
    int openOrderCount(AccountId account);

    /**
     * The sum of {@code |position| × last price} over the account's open positions; working orders
     * excluded (they are in {@link #openOrderNotional}).
     */
    Money grossExposure(AccountId account);

    /**
     * The notional of the account's working orders on {@code side}, across instruments and
     * products: the sum over those orders of remaining (unfilled) quantity × |limit price|, or ×
     * |last price| for an order without a limit price (market, stop-market); non-negative, zero
     * when there are none. Computed by the caller, which knows the orders; the account-wide
     * exposure checks add it to the positions' exposure, so that several working orders cannot
     * together exceed a limit that each of them fits. Working exits count like any other order
     * (a resting stop-loss sell of a long adds to it): the checks err on the side of more exposure.
     */
    Money openOrderNotional(AccountId account, Side side);

    /** The value of the account's long positions at last price; non-negative. */
    Money longExposure(AccountId account);

    /** The value of the account's short positions at last price, as a non-negative magnitude. */
    Money shortExposure(AccountId account);

    /** The account's capital, the base of every percentage-of-capital limit. */
    Money capital(AccountId account);

    /**
     * The funds available for new orders (for a broker account, its available margin), after what
     * the account's working buy orders hold: their notional as {@link #openOrderNotional} counts it.
     */
    Money buyingPower(AccountId account);

    /**
     * The account's realized plus unrealized P&amp;L since the start of its trading day, net of
     * fees; negative for a loss. The caller decides where the day starts.
     */
    Money dailyPnl(AccountId account);
}
