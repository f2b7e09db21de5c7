package io.openoms.adapters.broker.mock;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.Identifiers;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Configuration of the simulated venue, with defaults fit for paper trading. Every key lives under
 * {@value #PREFIX}; {@link #fromProperties} reads them and each validation message names its key.
 *
 * @param name the broker name accounts are bound to ({@code name}, default {@code mock})
 * @param seed seeds the price walks and the fault draws ({@code seed}, default 42)
 * @param defaultInitialPrice the opening price of an instrument without its own ({@code default-initial-price}, 100)
 * @param initialPrices opening prices per instrument ({@code initial-prices}, {@code NSE:INFY=1500,NSE:TCS=3400})
 * @param volatilityTicks the most ticks a price moves in one step, either way ({@code volatility-ticks}, 2)
 * @param slippageTicks ticks a market (or marketable) order pays beyond the last price ({@code slippage-ticks}, 1)
 * @param liquidityPerStep the most one order fills per matching round; empty is unlimited ({@code liquidity-per-step})
 * @param ackLatency venue time between a placement and its acknowledgement ({@code ack-latency}, 0: at once)
 * @param feeBasisPoints fee per fill in basis points of its notional ({@code fees.basis-points}, 3)
 * @param feePerFill flat fee per fill ({@code fees.per-fill}, 0)
 * @param faults probabilities of faults happening by chance ({@code faults.*}, none)
 */
public record MockVenueConfig(
        String name,
        long seed,
        Price defaultInitialPrice,
        Map<InstrumentId, Price> initialPrices,
        int volatilityTicks,
        int slippageTicks,
        Optional<Quantity> liquidityPerStep,
        Duration ackLatency,
        BigDecimal feeBasisPoints,
        Money feePerFill,
        FaultProbabilities faults) {
    public static final String PREFIX = "broker.mock.";

    private static final Set<String> KEYS = Set.of(
            "name",
            "seed",
            "default-initial-price",
            "initial-prices",
            "volatility-ticks",
            "slippage-ticks",
            "liquidity-per-step",
            "ack-latency",
            "fees.basis-points",
            "fees.per-fill",
            "faults.reject-probability",
            "faults.reject-reason",
            "faults.timeout-after-placing-probability",
            "faults.timeout-without-placing-probability",
            "faults.rate-limit-probability",
            "faults.duplicate-update-probability",
            "faults.out-of-order-probability",
            "faults.fill-after-cancel-probability",
            "faults.not-found-probability",
            "faults.not-found-steps",
            "faults.malformed-update-probability",
            "faults.stream-disconnect-probability",
            "faults.disconnect-steps");

    public MockVenueConfig {
        requireNonNull(name, key("name") + " is null");
        try {
            Identifiers.require(name, "broker name");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key("name") + ": " + e.getMessage(), e);
        }
        requireNonNull(defaultInitialPrice, key("default-initial-price") + " is null");
        if (!defaultInitialPrice.isPositive()) {
            throw new IllegalArgumentException(
                    key("default-initial-price") + " must be positive, got " + defaultInitialPrice);
        }
        requireNonNull(initialPrices, key("initial-prices") + " is null");
        initialPrices.forEach((instrument, price) -> {
            if (!price.isPositive()) {
                throw new IllegalArgumentException(
                        key("initial-prices") + ": the price of " + instrument + " must be positive, got " + price);
            }
        });
        initialPrices = Map.copyOf(initialPrices);
        if (volatilityTicks < 0) {
            throw new IllegalArgumentException(
                    key("volatility-ticks") + " must not be negative, got " + volatilityTicks);
        }
        if (slippageTicks < 0) {
            throw new IllegalArgumentException(key("slippage-ticks") + " must not be negative, got " + slippageTicks);
        }
        requireNonNull(liquidityPerStep, key("liquidity-per-step") + " is null");
        if (liquidityPerStep.isPresent() && !liquidityPerStep.get().isPositive()) {
            throw new IllegalArgumentException(
                    key("liquidity-per-step") + " must be positive, got " + liquidityPerStep.get());
        }
        requireNonNull(ackLatency, key("ack-latency") + " is null");
        if (ackLatency.isNegative()) {
            throw new IllegalArgumentException(key("ack-latency") + " must not be negative, got " + ackLatency);
        }
        requireNonNull(feeBasisPoints, key("fees.basis-points") + " is null");
        if (feeBasisPoints.signum() < 0) {
            throw new IllegalArgumentException(
                    key("fees.basis-points") + " must not be negative, got " + feeBasisPoints.toPlainString());
        }
        requireNonNull(feePerFill, key("fees.per-fill") + " is null");
        if (feePerFill.isNegative()) {
            throw new IllegalArgumentException(key("fees.per-fill") + " must not be negative, got " + feePerFill);
        }
        requireNonNull(faults, "faults is null");
    }

    /** The defaults: a calm, well-behaved venue for paper trading. */
    public static MockVenueConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The full key of {@code suffix}, e.g. {@code broker.mock.seed}. */
    static String key(String suffix) {
        return PREFIX + suffix;
    }

    /**
     * Reads the keys under {@value #PREFIX} from {@code properties} (other keys are ignored); a missing key
     * keeps its default. An unknown key under the prefix or a malformed value is refused with a message
     * naming the key. Durations are ISO-8601 ({@code PT0.25S}) or a number with {@code ms} or {@code s}.
     */
    public static MockVenueConfig fromProperties(Map<String, String> properties) {
        requireNonNull(properties, "properties is null");
        Map<String, String> own = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                String suffix = key.substring(PREFIX.length());
                if (!KEYS.contains(suffix)) {
                    throw new IllegalArgumentException("unknown configuration key " + key);
                }
                own.put(suffix, value.trim());
            }
        });
        Builder builder = builder();
        FaultProbabilities f = FaultProbabilities.none();
        for (Map.Entry<String, String> entry : own.entrySet()) {
            String value = entry.getValue();
            String key = entry.getKey();
            try {
                switch (key) {
                    case "name" -> builder.name(value);
                    case "seed" -> builder.seed(Long.parseLong(value));
                    case "default-initial-price" -> builder.defaultInitialPrice(Price.of(value));
                    case "initial-prices" -> builder.initialPrices(parsePrices(value));
                    case "volatility-ticks" -> builder.volatilityTicks(Integer.parseInt(value));
                    case "slippage-ticks" -> builder.slippageTicks(Integer.parseInt(value));
                    case "liquidity-per-step" -> builder.liquidityPerStep(
                            value.isEmpty() ? Optional.empty() : Optional.of(Quantity.of(value)));
                    case "ack-latency" -> builder.ackLatency(parseDuration(value));
                    case "fees.basis-points" -> builder.feeBasisPoints(new BigDecimal(value));
                    case "fees.per-fill" -> builder.feePerFill(Money.of(value));
                    default -> f = fault(f, key, value);
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(PREFIX)) {
                    throw e;
                }
                throw new IllegalArgumentException(
                        key(key) + " has an invalid value '" + value + "': " + e.getMessage(), e);
            }
        }
        return builder.faults(f).build();
    }

    private static FaultProbabilities fault(FaultProbabilities f, String key, String value) {
        return switch (key) {
            case "faults.reject-probability" -> f.withRejectPlacement(Double.parseDouble(value), f.rejectReason());
            case "faults.reject-reason" -> f.withRejectPlacement(f.rejectPlacement(), value);
            case "faults.timeout-after-placing-probability" -> f.withTimeouts(
                    Double.parseDouble(value), f.timeoutWithoutPlacing());
            case "faults.timeout-without-placing-probability" -> f.withTimeouts(
                    f.timeoutAfterPlacing(), Double.parseDouble(value));
            case "faults.rate-limit-probability" -> f.withRateLimit(Double.parseDouble(value));
            case "faults.duplicate-update-probability" -> f.withUpdateFaults(
                    Double.parseDouble(value), f.outOfOrder(), f.malformedUpdate());
            case "faults.out-of-order-probability" -> f.withUpdateFaults(
                    f.duplicateUpdate(), Double.parseDouble(value), f.malformedUpdate());
            case "faults.malformed-update-probability" -> f.withUpdateFaults(
                    f.duplicateUpdate(), f.outOfOrder(), Double.parseDouble(value));
            case "faults.fill-after-cancel-probability" -> f.withFillAfterCancel(Double.parseDouble(value));
            case "faults.not-found-probability" -> f.withNotFound(Double.parseDouble(value), f.notFoundSteps());
            case "faults.not-found-steps" -> f.withNotFound(f.notFound(), Integer.parseInt(value));
            case "faults.stream-disconnect-probability" -> f.withStreamDisconnect(
                    Double.parseDouble(value), f.disconnectSteps());
            case "faults.disconnect-steps" -> f.withStreamDisconnect(f.streamDisconnect(), Integer.parseInt(value));
            default -> throw new IllegalStateException("unhandled key " + key);
        };
    }

    private static Map<InstrumentId, Price> parsePrices(String value) {
        Map<InstrumentId, Price> prices = new LinkedHashMap<>();
        if (value.isEmpty()) {
            return prices;
        }
        for (String pair : value.split(",")) {
            int equals = pair.lastIndexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(
                        "expected INSTRUMENT=PRICE pairs separated by commas, got '" + pair.trim() + "'");
            }
            InstrumentId instrument =
                    InstrumentId.parse(pair.substring(0, equals).trim());
            if (prices.put(instrument, Price.of(pair.substring(equals + 1).trim())) != null) {
                throw new IllegalArgumentException(instrument + " is given twice");
            }
        }
        return prices;
    }

    private static Duration parseDuration(String value) {
        String text = value.toLowerCase(Locale.ROOT);
        if (text.endsWith("ms")) {
            return Duration.ofMillis(
                    Long.parseLong(text.substring(0, text.length() - 2).trim()));
        }
        if (text.endsWith("s") && !text.startsWith("p")) {
            return Duration.ofSeconds(
                    Long.parseLong(text.substring(0, text.length() - 1).trim()));
        }
        return Duration.parse(value);
    }

    /** Builds a configuration, starting from the defaults. */
    public static final class Builder {
        private String name = "mock";
        private long seed = 42;
        private Price defaultInitialPrice = Price.of(100);
        private Map<InstrumentId, Price> initialPrices = Map.of();
        private int volatilityTicks = 2;
        private int slippageTicks = 1;
        private Optional<Quantity> liquidityPerStep = Optional.empty();
        private Duration ackLatency = Duration.ZERO;
        private BigDecimal feeBasisPoints = BigDecimal.valueOf(3);
        private Money feePerFill = Money.ZERO;
        private FaultProbabilities faults = FaultProbabilities.none();

        private Builder() {}

        private Builder(MockVenueConfig config) {
            name = config.name;
            seed = config.seed;
            defaultInitialPrice = config.defaultInitialPrice;
            initialPrices = config.initialPrices;
            volatilityTicks = config.volatilityTicks;
            slippageTicks = config.slippageTicks;
            liquidityPerStep = config.liquidityPerStep;
            ackLatency = config.ackLatency;
            feeBasisPoints = config.feeBasisPoints;
            feePerFill = config.feePerFill;
            faults = config.faults;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder defaultInitialPrice(Price price) {
            this.defaultInitialPrice = price;
            return this;
        }

        public Builder initialPrices(Map<InstrumentId, Price> prices) {
            this.initialPrices = prices;
            return this;
        }

        public Builder initialPrice(InstrumentId instrument, Price price) {
            Map<InstrumentId, Price> prices = new LinkedHashMap<>(initialPrices);
            prices.put(instrument, price);
            this.initialPrices = prices;
            return this;
        }

        public Builder volatilityTicks(int ticks) {
            this.volatilityTicks = ticks;
            return this;
        }

        public Builder slippageTicks(int ticks) {
            this.slippageTicks = ticks;
            return this;
        }

        public Builder liquidityPerStep(Optional<Quantity> liquidity) {
            this.liquidityPerStep = liquidity;
            return this;
        }

        public Builder liquidityPerStep(long liquidity) {
            return liquidityPerStep(Optional.of(Quantity.of(liquidity)));
        }

        public Builder ackLatency(Duration latency) {
            this.ackLatency = latency;
            return this;
        }

        public Builder feeBasisPoints(BigDecimal basisPoints) {
            this.feeBasisPoints = basisPoints;
            return this;
        }

        public Builder feePerFill(Money fee) {
            this.feePerFill = fee;
            return this;
        }

        public Builder faults(FaultProbabilities faults) {
            this.faults = faults;
            return this;
        }

        public MockVenueConfig build() {
            return new MockVenueConfig(
                    name,
                    seed,
                    defaultInitialPrice,
                    initialPrices,
                    volatilityTicks,
                    slippageTicks,
                    liquidityPerStep,
                    ackLatency,
                    feeBasisPoints,
                    feePerFill,
                    faults);
        }
    }
}
