package io.openoms.domain.risk;

import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A hand-set {@link RiskContext} for tests, configured fluently. It knows one account's figures
 * (the account argument is ignored). It starts ACTIVE with {@link RiskLimits#none()}, NSE:INFY in
 * the catalog (tick 0.05, lot 1, Indian equity session, 2024-08-15 a holiday), no positions,
 * orders or prices, zero money figures (working-order notional included), at Monday 2024-06-03 10:00 IST.
 */
public final class FakeRiskContext implements RiskContext {
    public static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
    public static final LocalDate HOLIDAY = LocalDate.of(2024, 8, 15);
    public static final TradingSession NSE_SESSION = TradingSession.indianEquities(Set.of(HOLIDAY));
    public static final Instrument INFY_INSTRUMENT =
            Instrument.of(INFY, "0.05", 1, Currency.getInstance("INR"), NSE_SESSION);
    /** Monday 2024-06-03 10:00 in Asia/Kolkata (UTC+05:30). */
    public static final Instant MONDAY_10_00_IST = Instant.parse("2024-06-03T04:30:00Z");

    private Instant now = MONDAY_10_00_IST;
    private TradingState tradingState = TradingState.ACTIVE;
    private RiskLimits limits = RiskLimits.none();
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>(Map.of(INFY, INFY_INSTRUMENT));
    private final Map<InstrumentId, Price> lastPrices = new HashMap<>();
    private final Map<InstrumentId, CircuitLimits> circuitLimits = new HashMap<>();
    private final Map<String, BigDecimal> positions = new HashMap<>();
    private final Map<String, BigDecimal> openOrders = new HashMap<>();
    private final Map<Side, Money> openOrderNotional = new EnumMap<>(Side.class);
    private int openPositionCount;
    private int openOrderCount;
    private Money grossExposure = Money.ZERO;
    private Money longExposure = Money.ZERO;
    private Money shortExposure = Money.ZERO;
    private Money capital = Money.ZERO;
    private Money buyingPower = Money.ZERO;
    private Money dailyPnl = Money.ZERO;

    public static FakeRiskContext context() {
        return new FakeRiskContext();
    }

    /** A CNC request of ACC1/S1 for NSE:INFY; tests add side, type, quantity and prices. */
    public static OrderRequest.Builder request() {
        return OrderRequest.builder().account("ACC1").strategy("S1").instrument(INFY);
    }

    /** A CNC limit buy of {@code quantity} NSE:INFY at {@code price}. */
    public static OrderRequest limitBuy(long quantity, String price) {
        return request()
                .buy()
                .type(OrderType.LIMIT)
                .quantity(quantity)
                .limitPrice(price)
                .build();
    }

    /** A CNC limit sell of {@code quantity} NSE:INFY at {@code price}. */
    public static OrderRequest limitSell(long quantity, String price) {
        return request()
                .sell()
                .type(OrderType.LIMIT)
                .quantity(quantity)
                .limitPrice(price)
                .build();
    }

    public FakeRiskContext now(Instant now) {
        this.now = now;
        return this;
    }

    public FakeRiskContext tradingState(TradingState tradingState) {
        this.tradingState = tradingState;
        return this;
    }

    public FakeRiskContext limits(RiskLimits limits) {
        this.limits = limits;
        return this;
    }

    public FakeRiskContext instrument(Instrument instrument) {
        instruments.put(instrument.id(), instrument);
        return this;
    }

    public FakeRiskContext withoutInstrument(InstrumentId instrument) {
        instruments.remove(instrument);
        return this;
    }

    public FakeRiskContext lastPrice(InstrumentId instrument, String price) {
        lastPrices.put(instrument, Price.of(price));
        return this;
    }

    public FakeRiskContext circuitLimits(InstrumentId instrument, String lower, String upper) {
        circuitLimits.put(instrument, CircuitLimits.of(lower, upper));
        return this;
    }

    /** The signed CNC net position in {@code instrument}. */
    public FakeRiskContext position(InstrumentId instrument, long net) {
        return position(instrument, Product.CNC, net);
    }

    public FakeRiskContext position(InstrumentId instrument, Product product, long net) {
        positions.put(instrument + "/" + product, BigDecimal.valueOf(net));
        return this;
    }

    /** The remaining quantity of working CNC orders in {@code instrument} on {@code side}. */
    public FakeRiskContext openOrders(InstrumentId instrument, Side side, long quantity) {
        openOrders.put(instrument + "/" + Product.CNC + "/" + side, BigDecimal.valueOf(quantity));
        return this;
    }

    /**
     * The notional of the account's working orders on {@code side}. Set independently of
     * {@link #openOrders}: a test sets the figures its check reads.
     */
    public FakeRiskContext openOrderNotional(Side side, String amount) {
        openOrderNotional.put(side, Money.of(amount));
        return this;
    }

    public FakeRiskContext openOrderNotional(Side side, long amount) {
        return openOrderNotional(side, Long.toString(amount));
    }

    public FakeRiskContext openPositionCount(int count) {
        this.openPositionCount = count;
        return this;
    }

    public FakeRiskContext openOrderCount(int count) {
        this.openOrderCount = count;
        return this;
    }

    public FakeRiskContext grossExposure(long amount) {
        this.grossExposure = Money.of(amount);
        return this;
    }

    public FakeRiskContext longExposure(long amount) {
        this.longExposure = Money.of(amount);
        return this;
    }

    public FakeRiskContext shortExposure(long amount) {
        this.shortExposure = Money.of(amount);
        return this;
    }

    public FakeRiskContext capital(long amount) {
        this.capital = Money.of(amount);
        return this;
    }

    public FakeRiskContext buyingPower(String amount) {
        this.buyingPower = Money.of(amount);
        return this;
    }

    public FakeRiskContext dailyPnl(String amount) {
        this.dailyPnl = Money.of(amount);
        return this;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public TradingState tradingState(AccountId account) {
        return tradingState;
    }

    @Override
    public RiskLimits limits(AccountId account) {
        return limits;
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrument) {
        return Optional.ofNullable(instruments.get(instrument));
    }

    @Override
    public Optional<Price> lastPrice(InstrumentId instrument) {
        return Optional.ofNullable(lastPrices.get(instrument));
    }

    @Override
    public Optional<CircuitLimits> circuitLimits(InstrumentId instrument) {
        return Optional.ofNullable(circuitLimits.get(instrument));
    }

    @Override
    public BigDecimal netPosition(AccountId account, InstrumentId instrument, Product product) {
        return positions.getOrDefault(instrument + "/" + product, BigDecimal.ZERO);
    }

    @Override
    public BigDecimal openOrderQuantity(AccountId account, InstrumentId instrument, Product product, Side side) {
        return openOrders.getOrDefault(instrument + "/" + product + "/" + side, BigDecimal.ZERO);
    }

    @Override
    public Money openOrderNotional(AccountId account, Side side) {
        return openOrderNotional.getOrDefault(side, Money.ZERO);
    }

    @Override
    public int openPositionCount(AccountId account) {
        return openPositionCount;
    }

    @Override
    public int openOrderCount(AccountId account) {
        return openOrderCount;
    }

    @Override
    public Money grossExposure(AccountId account) {
        return grossExposure;
    }

    @Override
    public Money longExposure(AccountId account) {
        return longExposure;
    }

    @Override
    public Money shortExposure(AccountId account) {
        return shortExposure;
    }

    @Override
    public Money capital(AccountId account) {
        return capital;
    }

    @Override
    public Money buyingPower(AccountId account) {
        return buyingPower;
    }

    @Override
    public Money dailyPnl(AccountId account) {
        return dailyPnl;
    }
}
