package io.openoms.domain.risk;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.NSE_SESSION;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.FakeRiskContext.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.risk.checks.StandardChecks;
import io.openoms.domain.risk.checks.TradingStateCheck;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

class RiskProperties {
    private static final Currency INR = Currency.getInstance("INR");
    private static final Set<String> EXPOSURE_AND_LOSS_CHECKS = Set.of(
            "MAX_POSITION_QUANTITY",
            "MAX_POSITION_VALUE",
            "MAX_OPEN_POSITIONS",
            "MAX_GROSS_EXPOSURE",
            "MAX_DIRECTIONAL_SKEW",
            "BUYING_POWER",
            "DAILY_LOSS_LIMIT",
            "MAX_RISK_PER_TRADE",
            "MIN_REWARD_TO_RISK");

    /** An exit: a position of {@code positionLots}, working exits of {@code workingLots}, this order {@code orderLots}. */
    record Exit(long positionLots, long workingLots, long orderLots) {}

    /** The order's type and prices, and the last price, in ticks of 0.05 (all valid for INFY). */
    record Pricing(
            OrderType type,
            Price limit,
            Price trigger,
            Optional<Price> last,
            Optional<Price> stopLoss,
            Optional<Price> takeProfit) {

        OrderRequest.Builder applyTo(OrderRequest.Builder builder) {
            builder.type(type);
            if (type.requiresLimitPrice()) {
                builder.limitPrice(limit);
            }
            if (type.requiresTriggerPrice()) {
                builder.triggerPrice(trigger);
            }
            stopLoss.ifPresent(builder::stopLoss);
            takeProfit.ifPresent(builder::takeProfit);
            return builder;
        }
    }

    /** The account's money figures; the exposures and capital in whole rupees, the rest in paise. */
    record Account(
            long grossExposure,
            long longExposure,
            long shortExposure,
            long capital,
            Money workingBuys,
            Money workingSells,
            Money buyingPower,
            Money dailyPnl) {

        FakeRiskContext applyTo(FakeRiskContext context) {
            return context.grossExposure(grossExposure)
                    .longExposure(longExposure)
                    .shortExposure(shortExposure)
                    .capital(capital)
                    .openOrderNotional(Side.BUY, workingBuys.toString())
                    .openOrderNotional(Side.SELL, workingSells.toString())
                    .buyingPower(buyingPower.toString())
                    .dailyPnl(dailyPnl.toString());
        }
    }

    enum Behaviour {
        PASS,
        FAIL,
        THROW,
        RETURN_NULL
    }

    /** An exit order and everything around it: the account, its limits and its trading state. */
    record ExitCase(
            Exit exit,
            Side positionSide,
            long lot,
            long oppositeWorkingLots,
            Pricing pricing,
            Account account,
            RiskLimits limits,
            boolean sizeLimits,
            TradingState state,
            boolean reduceOnly,
            int openPositions,
            int openOrders) {
        /** Asserts that the exposure and loss checks, and the standard validator, let the exit through. */
        void passesEveryExposureAndLossCheck() {
            Side exitSide = positionSide.opposite();
            OrderRequest order = pricing.applyTo(request().side(exitSide))
                    .quantity(exit.orderLots() * lot)
                    // HALTED lets only reduce-only exits through TRADING_STATE
                    .reduceOnly(reduceOnly || state == TradingState.HALTED)
                    .build();
            FakeRiskContext context = account.applyTo(context())
                    .instrument(Instrument.of(INFY, "0.05", lot, INR, NSE_SESSION))
                    .tradingState(state)
                    .position(INFY, exit.positionLots() * lot * positionSide.sign())
                    .openOrders(INFY, exitSide, exit.workingLots() * lot)
                    .openOrders(INFY, positionSide, oppositeWorkingLots * lot)
                    .openPositionCount(openPositions)
                    .openOrderCount(openOrders);
            pricing.last().ifPresent(last -> context.lastPrice(INFY, last.toString()));
            context.limits(
                    sizeLimits ? withSizeLimitsAtTheirBoundary(limits, order, pricing, context, openOrders) : limits);

            List<RiskCheck> exposureAndLossChecks = StandardChecks.list().stream()
                    .filter(check -> EXPOSURE_AND_LOSS_CHECKS.contains(check.name()))
                    .toList();
            assertThat(exposureAndLossChecks).hasSameSizeAs(EXPOSURE_AND_LOSS_CHECKS);
            for (RiskCheck check : exposureAndLossChecks) {
                assertThat(check.check(order, context).failureReason())
                        .as(check.name())
                        .isEmpty();
            }
            // the other checks pass by construction, so the whole validator approves
            assertThat(StandardChecks.validator().validate(order, context).reason())
                    .as("the standard validator")
                    .isEmpty();
        }
    }

    @Test
    void an_order_that_shrinks_a_position_is_never_refused_by_an_exposure_or_loss_check() {
        Gen<ExitCase> cases = in -> new ExitCase(
                exits().generate(in),
                Generate.enumValues(Side.class).generate(in),
                lots().generate(in),
                longs().between(0, 10_000).generate(in),
                pricings().generate(in),
                accounts().generate(in),
                exposureAndLossLimits().generate(in),
                booleans().all().generate(in),
                Generate.enumValues(TradingState.class).generate(in),
                booleans().all().generate(in),
                integers().between(0, 100).generate(in),
                integers().between(0, 100).generate(in));
        qt().forAll(cases).checkAssert(ExitCase::passesEveryExposureAndLossCheck);
    }

    /**
     * The order-size, price-band and open-order limits set exactly at what this order needs, so
     * that they pass at their boundary and the exposure and loss checks are the ones under test.
     */
    private static RiskLimits withSizeLimitsAtTheirBoundary(
            RiskLimits limits, OrderRequest order, Pricing pricing, FakeRiskContext context, int openOrders) {
        RiskLimits.Builder builder = limits.toBuilder().maxOrderQuantity(order.quantity());
        builder.maxOpenOrders(openOrders + 1);
        OrderValuation.notional(order, context).ifPresent(builder::maxOrderNotional);
        pricing.last().ifPresent(last -> {
            BigDecimal widest = BigDecimal.ZERO;
            for (Optional<Price> price : List.of(order.limitPrice(), order.triggerPrice())) {
                if (price.isPresent()) {
                    widest = widest.max(price.get().minus(last).abs());
                }
            }
            // the band is last × percent / 100 = last × widest, at least widest as the last price is at least 1
            builder.priceBandPercent(widest.movePointRight(2));
        });
        return builder.build();
    }

    @Test
    void a_decision_lists_the_checks_run_in_order_and_only_the_last_can_fail() {
        qt().forAll(lists().of(Generate.enumValues(Behaviour.class)).ofSizeBetween(0, 8))
                .checkAssert(RiskProperties::aDecisionListsTheChecksRunInOrder);
    }

    private static void aDecisionListsTheChecksRunInOrder(List<Behaviour> behaviours) {
        List<RiskCheck> checks = new ArrayList<>();
        for (int i = 0; i < behaviours.size(); i++) {
            checks.add(scripted("CHECK_" + i, behaviours.get(i)));
        }
        PreTradeValidator validator = new PreTradeValidator(checks);

        RiskDecision decision = validator.validate(limitBuy(10, "1500"), context());

        assertWellFormed(validator, decision);
        int refusing = firstNotPassing(behaviours);
        assertThat(decision.checksRun()).hasSize(refusing < behaviours.size() ? refusing + 1 : behaviours.size());
    }

    /** Any order on any account: on or off the lot grid, known instrument or not, any limits and state. */
    record OrderCase(
            long net,
            long workingBuys,
            long workingSells,
            Side side,
            long lots,
            long lot,
            boolean onLotGrid,
            Pricing pricing,
            Account account,
            RiskLimits limits,
            TradingState state,
            boolean reduceOnly,
            boolean knownInstrument) {
        /** Asserts that the standard validator's decision lists the checks run in order, only the last failing. */
        void decisionIsWellFormed() {
            OrderRequest order = pricing.applyTo(request().side(side))
                    .quantity(lots * lot + (onLotGrid ? 0 : 1))
                    .reduceOnly(reduceOnly)
                    .build();
            FakeRiskContext context = account.applyTo(context())
                    .instrument(Instrument.of(INFY, "0.05", lot, INR, NSE_SESSION))
                    .limits(limits)
                    .tradingState(state)
                    .position(INFY, net)
                    .openOrders(INFY, Side.BUY, workingBuys)
                    .openOrders(INFY, Side.SELL, workingSells);
            pricing.last().ifPresent(last -> context.lastPrice(INFY, last.toString()));
            if (!knownInstrument) {
                context.withoutInstrument(INFY);
            }
            PreTradeValidator validator = StandardChecks.validator();

            RiskDecision decision = validator.validate(order, context);

            assertWellFormed(validator, decision);
        }
    }

    @Test
    void the_standard_validators_decision_lists_the_checks_run_in_order_and_only_the_last_can_fail() {
        Gen<OrderCase> cases = in -> new OrderCase(
                longs().between(-5_000, 5_000).generate(in),
                longs().between(0, 5_000).generate(in),
                longs().between(0, 5_000).generate(in),
                Generate.enumValues(Side.class).generate(in),
                longs().between(1, 100).generate(in),
                lots().generate(in),
                mostly().generate(in),
                pricings().generate(in),
                accounts().generate(in),
                anyLimits().generate(in),
                mostlyActive().generate(in),
                rarely().generate(in),
                mostly().generate(in));
        qt().forAll(cases).checkAssert(OrderCase::decisionIsWellFormed);
    }

    /** An order on a halted account: its position, the working orders on the order's side, the order. */
    record HaltedCase(long net, long working, Side side, long quantity, boolean reduceOnly) {
        /** Asserts the check's answer for this case; true when the order passed. */
        boolean passesOnlyIfReduceOnlyAndShrinking() {
            FakeRiskContext context = context()
                    .tradingState(TradingState.HALTED)
                    .position(INFY, net)
                    .openOrders(INFY, side, working);
            OrderRequest order = request()
                    .side(side)
                    .type(OrderType.LIMIT)
                    .limitPrice("1500")
                    .quantity(quantity)
                    .reduceOnly(reduceOnly)
                    .build();

            boolean passed = new TradingStateCheck().check(order, context).passed();

            // the working orders on the order's side count as filled: committed = net ± working
            long committed = net + side.sign() * working;
            long after = committed + side.sign() * quantity;
            boolean shrinks = committed != 0
                    && Math.abs(after) < Math.abs(committed)
                    && (after == 0 || Long.signum(after) == Long.signum(committed));
            assertThat(passed).isEqualTo(reduceOnly && shrinks);
            return passed;
        }
    }

    @Test
    void a_halted_account_lets_through_only_reduce_only_orders_that_shrink_the_position() {
        Gen<HaltedCase> cases = in -> new HaltedCase(
                longs().between(-1_000, 1_000).generate(in),
                longs().between(0, 1_000).generate(in),
                Generate.enumValues(Side.class).generate(in),
                longs().between(1, 1_000).generate(in),
                booleans().all().generate(in));
        AtomicInteger tried = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        qt().forAll(cases).checkAssert(haltedCase -> {
            tried.incrementAndGet();
            if (haltedCase.passesOnlyIfReduceOnlyAndShrinking()) {
                passed.incrementAndGet();
            }
        });
        // About 5% of random cases pass; the bound only proves the passing branch is exercised, with
        // enough margin below the mean that a random seed cannot fail it (1000 tries: σ ≈ 0.7%).
        assertThat(passed.get() * 100.0 / tried.get())
                .as("percent of cases passed")
                .isGreaterThanOrEqualTo(1);
    }

    private static void assertWellFormed(PreTradeValidator validator, RiskDecision decision) {
        List<String> names = validator.checks().stream().map(RiskCheck::name).toList();
        List<RiskCheckOutcome> outcomes = decision.outcomes();
        assertThat(decision.checksRun()).isEqualTo(names.subList(0, outcomes.size()));
        for (int i = 0; i < outcomes.size() - 1; i++) {
            assertThat(outcomes.get(i).passed()).as(outcomes.get(i).checkName()).isTrue();
        }
        boolean lastFailed =
                !outcomes.isEmpty() && !outcomes.get(outcomes.size() - 1).passed();
        assertThat(decision.rejected()).isEqualTo(lastFailed);
        assertThat(decision.approved()).isEqualTo(!lastFailed);
        if (outcomes.size() < names.size()) {
            assertThat(lastFailed).as("the validator stops only at a failure").isTrue();
        }
        assertThat(decision.rejectedBy())
                .isEqualTo(lastFailed ? Optional.of(names.get(outcomes.size() - 1)) : Optional.empty());
    }

    private static int firstNotPassing(List<Behaviour> behaviours) {
        for (int i = 0; i < behaviours.size(); i++) {
            if (behaviours.get(i) != Behaviour.PASS) {
                return i;
            }
        }
        return behaviours.size();
    }

    private static RiskCheck scripted(String name, Behaviour behaviour) {
        return new RiskCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RiskCheckResult check(OrderRequest request, RiskContext context) {
                return switch (behaviour) {
                    case PASS -> RiskCheckResult.pass();
                    case FAIL -> RiskCheckResult.fail(name + " refuses");
                    case THROW -> throw new IllegalStateException(name + " is broken");
                    case RETURN_NULL -> null;
                };
            }
        };
    }

    private static Gen<Exit> exits() {
        return in -> {
            long position = longs().between(1, 10_000).generate(in);
            long working = longs().between(0, position - 1).generate(in);
            long order = longs().between(1, position - working).generate(in);
            return new Exit(position, working, order);
        };
    }

    private static Gen<Boolean> mostly() {
        return Generate.frequency(Pair.of(9, Generate.constant(true)), Pair.of(1, Generate.constant(false)));
    }

    private static Gen<Boolean> rarely() {
        return mostly().map(value -> !value);
    }

    private static Gen<TradingState> mostlyActive() {
        return Generate.frequency(
                Pair.of(8, Generate.constant(TradingState.ACTIVE)),
                Pair.of(1, Generate.constant(TradingState.REDUCING)),
                Pair.of(1, Generate.constant(TradingState.HALTED)));
    }

    private static Gen<Long> lots() {
        return Generate.pick(List.of(1L, 25L, 50L, 75L));
    }

    private static Gen<Pricing> pricings() {
        Gen<Price> prices = ticks(1);
        // the last price at least 1.00, so that a band in percent of it can be widened to any price
        Gen<Optional<Price>> lastPrices = ticks(20).toOptionals(5);
        return in -> new Pricing(
                Generate.enumValues(OrderType.class).generate(in),
                prices.generate(in),
                prices.generate(in),
                lastPrices.generate(in),
                prices.toOptionals(5).generate(in),
                prices.toOptionals(5).generate(in));
    }

    private static Gen<Account> accounts() {
        Gen<Long> rupees = longs().between(0, 1_000_000_000);
        Gen<Money> paise = money();
        // any P&L, deep losses included
        Gen<Money> pnl = Generate.oneOf(paise, paise.map(Money::negate));
        return in -> new Account(
                rupees.generate(in),
                rupees.generate(in),
                rupees.generate(in),
                rupees.generate(in),
                paise.generate(in),
                paise.generate(in),
                paise.generate(in),
                pnl.generate(in));
    }

    /** Any exposure and loss limits, zero included; no order-size, price-band or open-order limit. */
    private static Gen<RiskLimits> exposureAndLossLimits() {
        return in -> {
            RiskLimits.Builder builder = RiskLimits.builder();
            builder.enforceMarketHours(booleans().all().generate(in));
            builder.checkBuyingPower(booleans().all().generate(in));
            sometimes(in, 50, quantities(), builder::maxPositionQuantity);
            sometimes(in, 50, money(), builder::maxPositionValue);
            sometimes(in, 50, integers().between(0, 100), builder::maxOpenPositions);
            sometimes(in, 50, money(), builder::maxGrossExposure);
            sometimes(in, 50, money(), builder::maxDirectionalSkew);
            sometimes(in, 50, money(), builder::dailyLossLimit);
            sometimes(in, 50, percentages(), builder::dailyLossLimitPercent);
            sometimes(in, 50, percentages(), builder::maxRiskPerTradePercent);
            sometimes(in, 50, ratios(), builder::minRewardToRisk);
            sometimes(in, 30, instrumentExposureLimits(), override -> builder.instrumentOverride(INFY, override));
            return builder.build();
        };
    }

    /** Any limits at all, order size, price band and open orders included. */
    private static Gen<RiskLimits> anyLimits() {
        return in -> {
            RiskLimits.Builder builder = exposureAndLossLimits().generate(in).toBuilder();
            sometimes(in, 50, quantities(), builder::maxOrderQuantity);
            sometimes(in, 50, money(), builder::maxOrderNotional);
            sometimes(in, 50, decimals(0, 5_000), builder::priceBandPercent);
            sometimes(in, 50, integers().between(0, 100), builder::maxOpenOrders);
            return builder.build();
        };
    }

    private static Gen<InstrumentRiskLimits> instrumentExposureLimits() {
        return in -> {
            InstrumentRiskLimits.Builder builder = InstrumentRiskLimits.builder();
            sometimes(in, 50, quantities(), builder::maxPositionQuantity);
            sometimes(in, 50, money(), builder::maxPositionValue);
            sometimes(in, 50, percentages(), builder::maxRiskPerTradePercent);
            sometimes(in, 50, ratios(), builder::minRewardToRisk);
            return builder.build();
        };
    }

    /** Sets a value drawn from {@code values} with a chance of {@code percent} in 100. */
    private static <T> void sometimes(RandomnessSource in, int percent, Gen<T> values, Consumer<T> setter) {
        if (integers().between(1, 100).generate(in) <= percent) {
            setter.accept(values.generate(in));
        }
    }

    /** Prices on INFY's 0.05 grid, from {@code minTicks} ticks up to 10000. */
    private static Gen<Price> ticks(long minTicks) {
        return longs().between(minTicks, 200_000).map(ticks -> Price.of(BigDecimal.valueOf(ticks * 5, 2)));
    }

    /** Two decimal places, from {@code minHundredths} to {@code maxHundredths} hundredths. */
    private static Gen<BigDecimal> decimals(long minHundredths, long maxHundredths) {
        return longs().between(minHundredths, maxHundredths).map(hundredths -> BigDecimal.valueOf(hundredths, 2));
    }

    private static Gen<Money> money() {
        return decimals(0, 100_000_000_000L).map(Money::of);
    }

    private static Gen<Quantity> quantities() {
        return longs().between(0, 1_000_000).map(Quantity::of);
    }

    private static Gen<BigDecimal> percentages() {
        return decimals(0, 10_000);
    }

    private static Gen<BigDecimal> ratios() {
        return decimals(0, 2_000);
    }
}
