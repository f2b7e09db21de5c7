package io.openoms.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.StrategyId;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Values the contracts share: instruments, accounts, times, and a comparison that ignores decimal scale. */
final class ContractFixtures {
    /** Monday 2024-03-04 10:00 in Mumbai: the NSE is open. Whole microseconds, as every contract time is. */
    static final Instant T0 = Instant.parse("2024-03-04T04:30:00.123456Z");

    static final AccountId ACC1 = AccountId.of("ACC1");
    static final AccountId ACC2 = AccountId.of("ACC-2");
    static final AccountId ACC3 = AccountId.of("acc.3@desk");
    static final StrategyId MOMENTUM = StrategyId.of("momentum");
    static final StrategyId MEAN_REVERSION = StrategyId.of("mean-rev");

    static final Instrument INFY = Instrument.of(
            InstrumentId.parse("NSE:INFY"),
            "0.05",
            1,
            Currency.getInstance("INR"),
            TradingSession.indianEquities(Set.of(LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 25))));

    static final Instrument NIFTY_FUT = new Instrument(
            InstrumentId.parse("NFO:NIFTY24MARFUT"),
            new BigDecimal("0.05"),
            Quantity.of(50),
            Quantity.of(50),
            Optional.of(Quantity.of(5000)),
            Optional.of(Quantity.of(1800)),
            Currency.getInstance("INR"),
            TradingSession.indianEquities(Set.of()));

    /** A fractional-lot instrument on a 24-hour-ish venue in another zone and currency. */
    static final Instrument BTC = new Instrument(
            InstrumentId.parse("CRYPTO:BTCUSDT"),
            new BigDecimal("0.01"),
            Quantity.of("0.001"),
            Quantity.of("0.001"),
            Optional.empty(),
            Optional.empty(),
            Currency.getInstance("USD"),
            new TradingSession(
                    ZoneId.of("UTC"),
                    LocalTime.of(0, 0),
                    LocalTime.of(23, 59, 59),
                    EnumSet.allOf(DayOfWeek.class),
                    Set.of()));

    static final long AWAIT_SECONDS = 30;

    private ContractFixtures() {}

    /** {@code T0} plus whole microseconds. */
    static Instant at(long micros) {
        return T0.plusNanos(micros * 1000);
    }

    /** A LIMIT buy of INFY for ACC1/momentum, GTC. */
    static OrderRequest.Builder buyInfy(long quantity, String limitPrice) {
        return OrderRequest.builder()
                .account(ACC1)
                .strategy(MOMENTUM)
                .instrument(INFY.id())
                .buy()
                .type(OrderType.LIMIT)
                .quantity(quantity)
                .limitPrice(limitPrice)
                .timeInForce(TimeInForce.GTC);
    }

    /** Waits for a journal future; fails the test when it does not complete in time. */
    static void await(CompletableFuture<Void> future) {
        try {
            future.get(AWAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the journal did not complete the append: " + e, e);
        }
    }

    /**
     * Asserts equality of two values field by field, treating decimals as equal when their values
     * are (a store need not keep the scale of a raw {@link BigDecimal}: {@code 5.0} is {@code 5}).
     */
    static <T> void assertSameValue(T actual, T expected) {
        assertThat(actual)
                .usingRecursiveComparison()
                .withComparatorForType(Comparator.naturalOrder(), BigDecimal.class)
                .isEqualTo(expected);
    }
}
