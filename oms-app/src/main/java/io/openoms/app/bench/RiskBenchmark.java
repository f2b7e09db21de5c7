package io.openoms.app.bench;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.risk.PreTradeValidator;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.risk.RiskDecision;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.checks.StandardChecks;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * The pre-trade validation micro-benchmark: {@link StandardChecks#validator()} (every standard check)
 * on a limit order with a stop loss and a take profit, with every limit of {@link RiskLimits} set so
 * that no check is skipped and every one passes (a refusal stops the chain early and would flatter
 * the figure), against a fixed {@link RiskContext} (an open position, working orders). A plain
 * measured loop on one thread, not JMH: warm-up rounds until the JIT settled, then {@code rounds}
 * timed rounds of {@code iterations} validations; it reports the median round's average and the
 * bytes allocated per validation, then one more round timing each call singly for percentiles. The context answers from fields, so the figure is the checks'
 * own cost; the engine's context reads its maps on top of that.
 */
public final class RiskBenchmark {
    /** The outcome: nanoseconds per validation of each timed round, and allocation. */
    public record Result(long iterations, double[] nanosPerValidation, long bytesPerValidation, Histogram perCall) {
        public double median() {
            double[] sorted = nanosPerValidation.clone();
            java.util.Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    private static final AccountId ACCOUNT = AccountId.of("PAPER");
    private static final InstrumentId INSTRUMENT = InstrumentId.parse("NSE:INFY");

    private final PrintWriter progress;
    private volatile Object sink;

    public RiskBenchmark(PrintWriter progress) {
        this.progress = requireNonNull(progress, "progress is null");
    }

    public Result run(long iterations, int warmupRounds, int rounds) {
        PreTradeValidator validator = StandardChecks.validator();
        RiskContext context = new FixedContext();
        OrderRequest[] requests = {request(Side.BUY, "1500", "1480", "1560"), request(Side.SELL, "1501", "1520", "1450")
        };
        RiskDecision first = validator.validate(requests[0], context);
        if (!first.approved()) {
            throw new IllegalStateException("the benchmark order is refused: " + first.firstFailure());
        }
        for (int round = 0; round < warmupRounds; round++) {
            loop(validator, context, requests, iterations);
            progress.printf("  warm-up round %d/%d%n", round + 1, warmupRounds);
        }
        double[] nanos = new double[rounds];
        long bytes = 0;
        for (int round = 0; round < rounds; round++) {
            long allocatedBefore = allocatedBytes();
            long start = System.nanoTime();
            loop(validator, context, requests, iterations);
            long elapsed = System.nanoTime() - start;
            bytes += allocatedBytes() - allocatedBefore;
            nanos[round] = (double) elapsed / iterations;
            progress.printf("  round %d/%d: %.0f ns per validation%n", round + 1, rounds, nanos[round]);
        }
        // Timed singly: System.nanoTime() twice per call adds some tens of ns; the average above has none.
        Histogram perCall = new Histogram(1_000_000_000L, 3);
        int approved = 0;
        for (long i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            RiskDecision decision = validator.validate(requests[(int) (i & 1)], context);
            perCall.recordValue(System.nanoTime() - start);
            if (decision.approved()) {
                approved++;
            }
        }
        sink = approved;
        return new Result(iterations, nanos, bytes / (iterations * rounds), perCall);
    }

    private void loop(PreTradeValidator validator, RiskContext context, OrderRequest[] requests, long iterations) {
        int approved = 0;
        for (long i = 0; i < iterations; i++) {
            if (validator.validate(requests[(int) (i & 1)], context).approved()) {
                approved++;
            }
        }
        sink = approved;
    }

    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
            return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }

    private static OrderRequest request(Side side, String limit, String stopLoss, String takeProfit) {
        return OrderRequest.builder()
                .account(ACCOUNT)
                .strategy("bench")
                .instrument(INSTRUMENT)
                .side(side)
                .type(OrderType.LIMIT)
                .quantity(10)
                .limitPrice(limit)
                .stopLoss(stopLoss)
                .takeProfit(takeProfit)
                .product(Product.MIS)
                .build();
    }

    /** A fixed view: 100 INFY long at 1500, two working orders, 10 lakh capital, every limit generous. */
    private static final class FixedContext implements RiskContext {
        private final Instant now = Instant.parse("2025-06-02T06:00:00Z");
        private final RiskLimits limits = RiskLimits.builder()
                .maxOrderQuantity(10_000)
                .maxOrderNotional(5_000_000)
                .maxPositionQuantity(50_000)
                .maxPositionValue(50_000_000)
                .priceBandPercent("10")
                .maxRiskPerTradePercent("2")
                .minRewardToRisk("1.5")
                .enforceMarketHours(true)
                .maxOpenPositions(50)
                .maxOpenOrders(500)
                .maxGrossExposure(50_000_000)
                .dailyLossLimit(100_000)
                .dailyLossLimitPercent("5")
                .maxDirectionalSkew(50_000_000)
                .checkBuyingPower(true)
                .build();
        private final Instrument instrument = Instrument.of(
                INSTRUMENT,
                "0.05",
                1,
                Currency.getInstance("INR"),
                new TradingSession(
                        ZoneOffset.UTC, LocalTime.MIN, LocalTime.MAX, EnumSet.allOf(DayOfWeek.class), Set.of()));
        private final Optional<Instrument> found = Optional.of(instrument);
        private final Optional<Price> lastPrice = Optional.of(Price.of(1500));
        private final BigDecimal position = BigDecimal.valueOf(100);
        private final BigDecimal working = BigDecimal.valueOf(20);
        private final Money exposure = Money.of(150_000);
        private final Money ordersNotional = Money.of(30_000);
        private final Money capital = Money.of(1_000_000);

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public TradingState tradingState(AccountId account) {
            return TradingState.ACTIVE;
        }

        @Override
        public RiskLimits limits(AccountId account) {
            return limits;
        }

        @Override
        public Optional<Instrument> instrument(InstrumentId id) {
            return found;
        }

        @Override
        public Optional<Price> lastPrice(InstrumentId id) {
            return lastPrice;
        }

        @Override
        public Optional<CircuitLimits> circuitLimits(InstrumentId id) {
            return Optional.empty();
        }

        @Override
        public BigDecimal netPosition(AccountId account, InstrumentId id, Product product) {
            return position;
        }

        @Override
        public BigDecimal openOrderQuantity(AccountId account, InstrumentId id, Product product, Side side) {
            return working;
        }

        @Override
        public int openPositionCount(AccountId account) {
            return 3;
        }

        @Override
        public int openOrderCount(AccountId account) {
            return 2;
        }

        @Override
        public Money grossExposure(AccountId account) {
            return exposure;
        }

        @Override
        public Money openOrderNotional(AccountId account, Side side) {
            return ordersNotional;
        }

        @Override
        public Money longExposure(AccountId account) {
            return exposure;
        }

        @Override
        public Money shortExposure(AccountId account) {
            return Money.ZERO;
        }

        @Override
        public Money capital(AccountId account) {
            return capital;
        }

        @Override
        public Money buyingPower(AccountId account) {
            return capital;
        }

        @Override
        public Money dailyPnl(AccountId account) {
            return Money.ZERO;
        }
    }
}
