package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a strategy asks for. The compact constructor refuses a request that can never make sense
 * (a limit order without a price, a stop without a trigger, zero quantity, an expiry on a non-GTD
 * order), naming the field; checks that need context (the clock, the instrument's lot and tick)
 * happen when the order is created and in the pre-trade checks.
 *
 * <p>{@code stopLoss} and {@code takeProfit} are the strategy's intended exit prices; they are not
 * orders, but feed the risk-per-trade and reward-to-risk checks. A {@code reduceOnly} request is
 * refused if it would grow or flip a position.
 */
public record OrderRequest(
        AccountId account,
        StrategyId strategy,
        InstrumentId instrument,
        Side side,
        OrderType type,
        Quantity quantity,
        Optional<Price> limitPrice,
        Optional<Price> triggerPrice,
        TimeInForce timeInForce,
        Optional<Instant> expiresAt,
        Optional<Duration> expiresIn,
        Product product,
        Optional<String> tag,
        Optional<ClientOrderId> parentOrderId,
        boolean reduceOnly,
        Optional<Price> stopLoss,
        Optional<Price> takeProfit) {

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public OrderRequest {
        require(account, "account");
        require(strategy, "strategy");
        require(instrument, "instrument");
        require(side, "side");
        require(type, "type");
        require(quantity, "quantity");
        require(limitPrice, "limitPrice");
        require(triggerPrice, "triggerPrice");
        require(timeInForce, "timeInForce");
        require(expiresAt, "expiresAt");
        require(expiresIn, "expiresIn");
        require(product, "product");
        require(tag, "tag");
        require(parentOrderId, "parentOrderId");
        require(stopLoss, "stopLoss");
        require(takeProfit, "takeProfit");

        if (!quantity.isPositive()) {
            throw new InvalidOrderRequestException("quantity", "must be positive, got " + quantity);
        }
        if (type.requiresLimitPrice() && limitPrice.isEmpty()) {
            throw new InvalidOrderRequestException("price", "a " + type + " order needs a limit price");
        }
        if (!type.requiresLimitPrice() && limitPrice.isPresent()) {
            throw new InvalidOrderRequestException("price", "a " + type + " order takes no limit price");
        }
        if (type.requiresTriggerPrice() && triggerPrice.isEmpty()) {
            throw new InvalidOrderRequestException("triggerPrice", "a " + type + " order needs a trigger price");
        }
        if (!type.requiresTriggerPrice() && triggerPrice.isPresent()) {
            throw new InvalidOrderRequestException("triggerPrice", "a " + type + " order takes no trigger price");
        }
        if (expiresAt.isPresent() && expiresIn.isPresent()) {
            throw new InvalidOrderRequestException("expiresAt", "give either expiresAt or expiresIn, not both");
        }
        boolean hasExpiry = expiresAt.isPresent() || expiresIn.isPresent();
        if (timeInForce == TimeInForce.GTD && !hasExpiry) {
            throw new InvalidOrderRequestException("expiresAt", "a GTD order needs expiresAt or expiresIn");
        }
        if (timeInForce != TimeInForce.GTD && hasExpiry) {
            throw new InvalidOrderRequestException(
                    "timeInForce", "an expiry is only allowed with GTD, not " + timeInForce);
        }
        if (expiresIn.isPresent()
                && (expiresIn.get().isNegative() || expiresIn.get().isZero())) {
            throw new InvalidOrderRequestException("expiresIn", "must be positive, got " + expiresIn.get());
        }
        if (tag.isPresent() && !TAG.matcher(tag.get()).matches()) {
            throw new InvalidOrderRequestException("tag", "must be 1-64 letters, digits or _ . : -");
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidOrderRequestException(field, "is missing");
        }
    }

    /**
     * The absolute expiry of a GTD request entered at {@code now}: {@code expiresAt} as given, or
     * {@code now + expiresIn}; empty for other times in force.
     */
    public Optional<Instant> expiryAt(Instant now) {
        requireNonNull(now, "now is null");
        return expiresAt.or(() -> expiresIn.map(now::plus));
    }

    /** The price used for notional and exposure: the limit price, else the trigger price, else none. */
    public Optional<Price> referencePrice() {
        return limitPrice.or(() -> triggerPrice);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a request with defaults: {@code DAY} (or {@code GTD} when an expiry is given),
     * product {@code CNC}, not reduce-only.
     */
    public static final class Builder {
        private AccountId account;
        private StrategyId strategy;
        private InstrumentId instrument;
        private Side side;
        private OrderType type = OrderType.MARKET;
        private Quantity quantity;
        private Price limitPrice;
        private Price triggerPrice;
        private TimeInForce timeInForce;
        private Instant expiresAt;
        private Duration expiresIn;
        private Product product = Product.CNC;
        private String tag;
        private ClientOrderId parentOrderId;
        private boolean reduceOnly;
        private Price stopLoss;
        private Price takeProfit;

        private Builder() {}

        public Builder account(AccountId account) {
            this.account = account;
            return this;
        }

        public Builder account(String account) {
            return account(AccountId.of(account));
        }

        public Builder strategy(StrategyId strategy) {
            this.strategy = strategy;
            return this;
        }

        public Builder strategy(String strategy) {
            return strategy(StrategyId.of(strategy));
        }

        public Builder instrument(InstrumentId instrument) {
            this.instrument = instrument;
            return this;
        }

        public Builder instrument(String instrument) {
            return instrument(InstrumentId.parse(instrument));
        }

        public Builder side(Side side) {
            this.side = side;
            return this;
        }

        public Builder buy() {
            return side(Side.BUY);
        }

        public Builder sell() {
            return side(Side.SELL);
        }

        public Builder type(OrderType type) {
            this.type = type;
            return this;
        }

        public Builder quantity(Quantity quantity) {
            this.quantity = quantity;
            return this;
        }

        public Builder quantity(long quantity) {
            return quantity(Quantity.of(quantity));
        }

        public Builder limitPrice(Price limitPrice) {
            this.limitPrice = limitPrice;
            return this;
        }

        public Builder limitPrice(String limitPrice) {
            return limitPrice(Price.of(limitPrice));
        }

        public Builder triggerPrice(Price triggerPrice) {
            this.triggerPrice = triggerPrice;
            return this;
        }

        public Builder triggerPrice(String triggerPrice) {
            return triggerPrice(Price.of(triggerPrice));
        }

        public Builder timeInForce(TimeInForce timeInForce) {
            this.timeInForce = timeInForce;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder expiresIn(Duration expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        public Builder product(Product product) {
            this.product = product;
            return this;
        }

        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        public Builder parentOrderId(ClientOrderId parentOrderId) {
            this.parentOrderId = parentOrderId;
            return this;
        }

        public Builder reduceOnly(boolean reduceOnly) {
            this.reduceOnly = reduceOnly;
            return this;
        }

        public Builder stopLoss(Price stopLoss) {
            this.stopLoss = stopLoss;
            return this;
        }

        public Builder stopLoss(String stopLoss) {
            return stopLoss(Price.of(stopLoss));
        }

        public Builder takeProfit(Price takeProfit) {
            this.takeProfit = takeProfit;
            return this;
        }

        public Builder takeProfit(String takeProfit) {
            return takeProfit(Price.of(takeProfit));
        }

        public OrderRequest build() {
            TimeInForce tif = timeInForce;
            if (tif == null) {
                tif = expiresAt != null || expiresIn != null ? TimeInForce.GTD : TimeInForce.DAY;
            }
            return new OrderRequest(
                    account,
                    strategy,
                    instrument,
                    side,
                    type,
                    quantity,
                    Optional.ofNullable(limitPrice),
                    Optional.ofNullable(triggerPrice),
                    tif,
                    Optional.ofNullable(expiresAt),
                    Optional.ofNullable(expiresIn),
                    product,
                    Optional.ofNullable(tag),
                    Optional.ofNullable(parentOrderId),
                    reduceOnly,
                    Optional.ofNullable(stopLoss),
                    Optional.ofNullable(takeProfit));
        }
    }
}
