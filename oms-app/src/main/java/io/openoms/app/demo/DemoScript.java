package io.openoms.app.demo;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.app.config.AccountConfig;
import io.openoms.application.engine.EngineControl;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.OrderEntry;
import io.openoms.domain.port.in.OrderEventSubscription;
import io.openoms.domain.port.in.OrderQueries;
import io.openoms.domain.port.in.PositionQueries;
import io.openoms.domain.port.in.RiskAdministration;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.port.in.TradingStateResult;
import io.openoms.domain.position.PortfolioTotals;
import io.openoms.domain.position.Position;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.risk.checks.PriceBandCheck;
import io.openoms.domain.risk.checks.TradingStateCheck;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scripted session of {@code oms demo}: orders of every type through the engine's ports against
 * the simulated venue, whose prices the script sets itself, so every outcome is known in advance:
 * fills, a partial fill (the venue fills at most {@value DemoSettings#LIQUIDITY_PER_ROUND} per
 * order and round), cancels, a modify, stops that trigger, a risk rejection, the kill switch, and
 * finally positions and P&amp;L checked against the fills. Each step waits for the engine's outcome
 * with a deadline, checks it, and prints one progress line; the first step that does not behave
 * ends the session with one line saying which and how.
 */
public final class DemoScript {
    private static final Logger LOG = LoggerFactory.getLogger(DemoScript.class);
    static final AccountId ACCOUNT = AccountConfig.PAPER.accountId();
    static final StrategyId STRATEGY = StrategyId.of("demo");
    static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
    static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");
    static final InstrumentId SBIN = InstrumentId.parse("NSE:SBIN");
    static final InstrumentId RELIANCE = InstrumentId.parse("NSE:RELIANCE");

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);
    private static final String ACTOR = "oms demo";

    private final OrderEntry entry;
    private final OrderQueries orders;
    private final PositionQueries positions;
    private final RiskAdministration risk;
    private final OrderEventSubscription events;
    private final SimulatedVenue venue;
    private final EngineControl engine;
    private boolean played;

    @Inject
    public DemoScript(
            OrderEntry entry,
            OrderQueries orders,
            PositionQueries positions,
            RiskAdministration risk,
            OrderEventSubscription events,
            SimulatedVenue venue,
            EngineControl engine) {
        this.entry = requireNonNull(entry, "entry is null");
        this.orders = requireNonNull(orders, "orders is null");
        this.positions = requireNonNull(positions, "positions is null");
        this.risk = requireNonNull(risk, "risk is null");
        this.events = requireNonNull(events, "events is null");
        this.venue = requireNonNull(venue, "venue is null");
        this.engine = requireNonNull(engine, "engine is null");
    }

    /** Plays the session once, printing {@code oms demo: [n/N] step -> outcome} per step on {@code progress}. */
    public synchronized DemoOutcome play(PrintWriter progress) throws InterruptedException {
        requireNonNull(progress, "progress is null");
        if (played) {
            throw new IllegalStateException("the demo session was already played");
        }
        played = true;
        try (EngineWatch watch = new EngineWatch(events)) {
            Session session = new Session(watch);
            List<Step> steps = session.steps();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                String outcome;
                try {
                    outcome = step.body().run();
                } catch (RuntimeException e) {
                    // an unexpected exception is a step that did not behave too, reported on the same one line
                    LOG.debug("demo step {} failed", i + 1, e);
                    String problem = e instanceof DemoStepFailedException ? e.getMessage() : e.toString();
                    return session.outcome(
                            Optional.of("step " + (i + 1) + " (" + step.title() + ") did not behave: " + problem));
                }
                progress.printf("oms demo: [%2d/%d] %s -> %s%n", i + 1, steps.size(), step.title(), outcome);
                progress.flush();
            }
            return session.outcome(Optional.empty());
        }
    }

    private record Step(String title, StepBody body) {}

    @FunctionalInterface
    private interface StepBody {
        /** Runs the step and says what came of it; throws {@link DemoStepFailedException} when it did not behave. */
        String run() throws InterruptedException;
    }

    /** What an order should look like once the engine has settled it. */
    private record Expected(OrderStatus status, Quantity filled, Optional<Price> averagePrice) {
        static Expected resting() {
            return new Expected(OrderStatus.ACCEPTED, Quantity.ZERO, Optional.empty());
        }

        static Expected filled(long quantity, String price) {
            return new Expected(OrderStatus.FILLED, Quantity.of(quantity), Optional.of(Price.of(price)));
        }

        boolean matches(Order order) {
            return order.status() == status
                    && order.filledQuantity().equals(filled)
                    && order.averageFillPrice().equals(averagePrice);
        }

        @Override
        public String toString() {
            return status + " with " + filled + " filled"
                    + averagePrice.map(p -> " @ " + p).orElse("");
        }
    }

    /** One play of the script: the orders it placed, by name for the steps that refer back to one. */
    private final class Session {
        private final EngineWatch watch;
        private final List<ClientOrderId> placed = new ArrayList<>();
        private final Map<String, ClientOrderId> named = new LinkedHashMap<>();

        Session(EngineWatch watch) {
            this.watch = watch;
        }

        List<Step> steps() {
            return List.of(
                    new Step("set the prices: NSE:INFY 1500, NSE:TCS 3400, NSE:SBIN 800, NSE:RELIANCE 1400", () -> {
                        setPrice(INFY, "1500");
                        setPrice(TCS, "3400");
                        setPrice(SBIN, "800");
                        setPrice(RELIANCE, "1400");
                        return "the venue trades there until the script moves a price";
                    }),
                    new Step("MARKET BUY 40 NSE:INFY", () -> {
                        ClientOrderId id = submit(market(Side.BUY, INFY, 40));
                        return describe(expect(id, Expected.filled(40, "1500")));
                    }),
                    new Step("LIMIT BUY 80 NSE:TCS @ 3400", () -> {
                        ClientOrderId id = submit("partial", limit(Side.BUY, TCS, 80, "3400"));
                        Order order = expect(
                                id,
                                new Expected(
                                        OrderStatus.PARTIALLY_FILLED, Quantity.of(50), Optional.of(Price.of("3400"))));
                        return describe(order) + " (the venue fills at most " + DemoSettings.LIQUIDITY_PER_ROUND
                                + " per order and round)";
                    }),
                    new Step("cancel the rest of that NSE:TCS order", () -> {
                        ClientOrderId id = named.get("partial");
                        cancel(id);
                        return describe(expect(
                                id,
                                new Expected(OrderStatus.CANCELLED, Quantity.of(50), Optional.of(Price.of("3400")))));
                    }),
                    new Step("LIMIT BUY 20 NSE:SBIN @ 790, below the market", () -> {
                        ClientOrderId id = submit("resting", limit(Side.BUY, SBIN, 20, "790"));
                        return describe(expect(id, Expected.resting())) + ", resting";
                    }),
                    new Step("cancel that NSE:SBIN order", () -> {
                        ClientOrderId id = named.get("resting");
                        cancel(id);
                        return describe(
                                expect(id, new Expected(OrderStatus.CANCELLED, Quantity.ZERO, Optional.empty())));
                    }),
                    new Step("LIMIT SELL 10 NSE:INFY @ 1520, above the market", () -> {
                        ClientOrderId id = submit("modified", limit(Side.SELL, INFY, 10, "1520"));
                        return describe(expect(id, Expected.resting())) + ", resting";
                    }),
                    new Step("modify its limit price to 1510", () -> {
                        ClientOrderId id = named.get("modified");
                        Price newPrice = Price.of("1510");
                        answerAccepted(
                                entry.modify(new ModifyOrder(id, OrderModification.limitPrice(newPrice))), "modify");
                        Order order = watch.await(
                                () -> read(id),
                                o -> o.status().isTerminal()
                                        || (o.status() == OrderStatus.ACCEPTED
                                                && o.pendingModification().isEmpty()
                                                && o.limitPrice().equals(Optional.of(newPrice))),
                                STEP_TIMEOUT);
                        if (order.status() != OrderStatus.ACCEPTED
                                || !order.limitPrice().equals(Optional.of(newPrice))) {
                            throw new DemoStepFailedException("expected ACCEPTED with limit 1510, got "
                                    + describe(order) + " with limit "
                                    + order.limitPrice().map(Price::toString).orElse("none")
                                    + order.lastModifyRejection()
                                            .map(reason -> " (modify rejected: " + reason + ")")
                                            .orElse(""));
                        }
                        return "ACCEPTED, limit now " + newPrice;
                    }),
                    new Step("NSE:INFY trades at 1510", () -> {
                        setPrice(INFY, "1510");
                        return "the sell limit " + describe(expect(named.get("modified"), Expected.filled(10, "1510")));
                    }),
                    new Step("STOP SELL 10 NSE:INFY, trigger 1495", () -> {
                        ClientOrderId id = submit("stop-sell", stop(Side.SELL, INFY, 10, "1495"));
                        return describe(expect(id, Expected.resting())) + ", waiting for its trigger";
                    }),
                    new Step("NSE:INFY falls to 1495", () -> {
                        setPrice(INFY, "1495");
                        return "the stop triggered: "
                                + describe(expect(named.get("stop-sell"), Expected.filled(10, "1495")));
                    }),
                    new Step("STOP_LIMIT BUY 30 NSE:SBIN, trigger 805, limit 806", () -> {
                        ClientOrderId id = submit("stop-limit-buy", stopLimit(Side.BUY, SBIN, 30, "805", "806"));
                        return describe(expect(id, Expected.resting())) + ", waiting for its trigger";
                    }),
                    new Step("NSE:SBIN rises to 805", () -> {
                        setPrice(SBIN, "805");
                        return "the stop-limit triggered: "
                                + describe(expect(named.get("stop-limit-buy"), Expected.filled(30, "805")));
                    }),
                    new Step("STOP BUY 50 NSE:TCS, trigger 3410", () -> {
                        ClientOrderId id = submit("stop-buy", stop(Side.BUY, TCS, 50, "3410"));
                        return describe(expect(id, Expected.resting())) + ", waiting for its trigger";
                    }),
                    new Step("NSE:TCS rises to 3410", () -> {
                        setPrice(TCS, "3410");
                        return "the stop triggered: "
                                + describe(expect(named.get("stop-buy"), Expected.filled(50, "3410")));
                    }),
                    new Step(
                            "LIMIT BUY 10 NSE:TCS @ 3800, a fat finger 11% above the market",
                            () -> {
                                ClientOrderId id = submit(limit(Side.BUY, TCS, 10, "3800"));
                                return describe(expectRejected(id, PriceBandCheck.NAME));
                            }),
                    new Step("kill switch: halt account " + ACCOUNT.value(), () -> {
                        TradingStateResult change = answer(
                                risk.setTradingState(
                                        ACCOUNT, TradingState.HALTED, "kill switch pulled by the demo", ACTOR),
                                "halt");
                        return expectState(change, TradingState.HALTED);
                    }),
                    new Step("MARKET BUY 10 NSE:SBIN while halted", () -> {
                        ClientOrderId id = submit(market(Side.BUY, SBIN, 10));
                        return describe(expectRejected(id, TradingStateCheck.NAME));
                    }),
                    new Step("reduce-only MARKET SELL 10 NSE:INFY while halted", () -> {
                        OrderRequest exit = OrderRequest.builder()
                                .account(ACCOUNT)
                                .strategy(STRATEGY)
                                .instrument(INFY)
                                .side(Side.SELL)
                                .type(OrderType.MARKET)
                                .quantity(10)
                                .reduceOnly(true)
                                .build();
                        ClientOrderId id = submit(exit);
                        return describe(expect(id, Expected.filled(10, "1495"))) + ": exits still pass";
                    }),
                    new Step("resume trading on account " + ACCOUNT.value(), () -> {
                        TradingStateResult change = answer(
                                risk.setTradingState(ACCOUNT, TradingState.ACTIVE, "the demo resumes trading", ACTOR),
                                "resume");
                        return expectState(change, TradingState.ACTIVE);
                    }),
                    new Step("MARKET BUY 10 NSE:RELIANCE", () -> {
                        ClientOrderId id = submit(market(Side.BUY, RELIANCE, 10));
                        return describe(expect(id, Expected.filled(10, "1400")));
                    }),
                    new Step("STOP_LIMIT SELL 30 NSE:SBIN, trigger 795, limit 794, a protective stop", () -> {
                        ClientOrderId id = submit(stopLimit(Side.SELL, SBIN, 30, "795", "794"));
                        return describe(expect(id, Expected.resting())) + ", left working";
                    }),
                    new Step("mark the positions: NSE:INFY 1505, NSE:TCS 3420, NSE:SBIN 810, NSE:RELIANCE 1395", () -> {
                        Map<InstrumentId, Price> marks = new LinkedHashMap<>();
                        marks.put(INFY, Price.of("1505"));
                        marks.put(TCS, Price.of("3420"));
                        marks.put(SBIN, Price.of("810"));
                        marks.put(RELIANCE, Price.of("1395"));
                        marks.forEach((instrument, price) -> {
                            venue.setPrice(instrument, price);
                            engine.markPrice(instrument, price);
                        });
                        List<Position> marked = watch.await(
                                () -> positions.positions(ACCOUNT, false),
                                open -> open.stream().allMatch(p -> p.lastMark()
                                        .equals(Optional.ofNullable(
                                                marks.get(p.key().instrument())))),
                                STEP_TIMEOUT);
                        for (Position position : marked) {
                            Optional<Price> expected =
                                    Optional.ofNullable(marks.get(position.key().instrument()));
                            if (!position.lastMark().equals(expected)) {
                                throw new DemoStepFailedException(
                                        "expected " + position.key().instrument()
                                                + " marked at "
                                                + expected.map(Price::toString).orElse("nothing") + ", got "
                                                + position.lastMark()
                                                        .map(Price::toString)
                                                        .orElse("no mark"));
                            }
                        }
                        return "unrealized P&L "
                                + positions.portfolio(ACCOUNT).totals().unrealizedPnl();
                    }),
                    new Step("check the positions and P&L against the fills", this::checkPositions));
        }

        /**
         * Net quantities equal the filled buys minus sells, per instrument and as scripted; fees are the
         * venue's 3 basis points of every fill; realized P&L is the scripted gross (0: INFY sold 10 at
         * +10 and 20 at -5 against its average of 1500) less every fee; unrealized is as scripted from
         * the marks.
         */
        private String checkPositions() {
            Map<InstrumentId, BigDecimal> fromFills = new LinkedHashMap<>();
            Money orderFees = Money.ZERO;
            Money notional = Money.ZERO;
            for (ClientOrderId id : placed) {
                Order order = read(id);
                fromFills.merge(order.instrument(), order.filledQuantity().signed(order.side()), BigDecimal::add);
                orderFees = orderFees.plus(order.totalFees());
                if (order.averageFillPrice().isPresent()) {
                    notional = notional.plus(order.filledQuantity()
                            .times(order.averageFillPrice().get()));
                }
            }
            fromFills.values().removeIf(quantity -> quantity.signum() == 0);
            Map<InstrumentId, BigDecimal> scripted = new LinkedHashMap<>();
            scripted.put(INFY, BigDecimal.valueOf(10));
            scripted.put(TCS, BigDecimal.valueOf(100));
            scripted.put(SBIN, BigDecimal.valueOf(30));
            scripted.put(RELIANCE, BigDecimal.valueOf(10));
            Map<InstrumentId, BigDecimal> held = positions.positions(ACCOUNT, true).stream()
                    .filter(p -> p.signedQuantity().signum() != 0)
                    .collect(Collectors.toMap(p -> p.key().instrument(), Position::signedQuantity, BigDecimal::add));
            if (!equalQuantities(held, fromFills) || !equalQuantities(held, scripted)) {
                throw new DemoStepFailedException("positions " + held + " differ from the fills' buys minus sells "
                        + fromFills + " or from the script's " + scripted);
            }
            PortfolioTotals totals = positions.portfolio(ACCOUNT).totals();
            Money expectedFees = notional.times(new BigDecimal(DemoSettings.FEE_BASIS_POINTS).movePointLeft(4));
            if (!totals.fees().equals(orderFees) || !orderFees.equals(expectedFees)) {
                throw new DemoStepFailedException("fees: positions " + totals.fees() + ", orders " + orderFees
                        + ", expected " + expectedFees + " (" + DemoSettings.FEE_BASIS_POINTS + " basis points of "
                        + notional
                        + ")");
            }
            Money expectedRealized = Money.ZERO.minus(orderFees);
            // INFY 10 x (1505 - 1500) + TCS 100 x (3420 - 3405) + SBIN 30 x (810 - 805) + RELIANCE 10 x (1395 - 1400)
            Money expectedUnrealized = Money.of(1650);
            if (!totals.realizedPnl().equals(expectedRealized)
                    || !totals.unrealizedPnl().equals(expectedUnrealized)) {
                throw new DemoStepFailedException("expected realized P&L " + expectedRealized + " and unrealized "
                        + expectedUnrealized + ", got " + totals.realizedPnl() + " and " + totals.unrealizedPnl());
            }
            return "positions equal the filled buys minus sells ("
                    + scripted.keySet().stream()
                            .map(instrument ->
                                    instrument + " " + held.get(instrument).toPlainString())
                            .collect(Collectors.joining(", "))
                    + "); realized " + totals.realizedPnl() + " (fees " + orderFees + "), unrealized "
                    + totals.unrealizedPnl();
        }

        DemoOutcome outcome(Optional<String> failure) {
            List<Order> placedOrders = new ArrayList<>();
            for (ClientOrderId id : placed) {
                orders.order(id).ifPresent(placedOrders::add);
            }
            return new DemoOutcome(
                    failure,
                    placedOrders,
                    positions.positions(ACCOUNT, true),
                    positions.portfolio(ACCOUNT).totals());
        }

        private ClientOrderId submit(String name, OrderRequest request) throws InterruptedException {
            ClientOrderId id = submit(request);
            named.put(name, id);
            return id;
        }

        private ClientOrderId submit(OrderRequest request) throws InterruptedException {
            OrderCommandResult result = answer(entry.submit(SubmitOrder.of(request)), "submit");
            if (result instanceof OrderCommandResult.Failed failed) {
                throw new DemoStepFailedException("the submit was refused: " + failed.code() + ": " + failed.message());
            }
            Order order = result instanceof OrderCommandResult.Rejected rejected
                    ? rejected.order()
                    : ((OrderCommandResult.Accepted) result).order();
            placed.add(order.id());
            return order.id();
        }

        private void cancel(ClientOrderId id) throws InterruptedException {
            answerAccepted(entry.cancel(new CancelOrder(id)), "cancel");
        }

        private void answerAccepted(CompletableFuture<OrderCommandResult> future, String what)
                throws InterruptedException {
            OrderCommandResult result = answer(future, what);
            if (result instanceof OrderCommandResult.Failed failed) {
                throw new DemoStepFailedException(
                        "the " + what + " was refused: " + failed.code() + ": " + failed.message());
            }
            if (result instanceof OrderCommandResult.ModificationRefused refused) {
                throw new DemoStepFailedException(
                        "the " + what + " was refused by the risk check " + refused.check() + ": " + refused.reason());
            }
        }

        private Order expect(ClientOrderId id, Expected expected) throws InterruptedException {
            Order order = watch.await(
                    () -> read(id), o -> expected.matches(o) || o.status().isTerminal(), STEP_TIMEOUT);
            if (!expected.matches(order)) {
                throw new DemoStepFailedException("expected " + expected + ", got " + describe(order)
                        + (order.status().isTerminal() ? "" : " after " + STEP_TIMEOUT.toSeconds() + " s"));
            }
            return order;
        }

        private Order expectRejected(ClientOrderId id, String check) throws InterruptedException {
            Order order = watch.await(() -> read(id), o -> o.status().isTerminal(), STEP_TIMEOUT);
            Optional<String> failedCheck = order.rejection().flatMap(Rejection::check);
            if (order.status() != OrderStatus.REJECTED || !failedCheck.equals(Optional.of(check))) {
                throw new DemoStepFailedException(
                        "expected REJECTED by the " + check + " check, got " + describe(order));
            }
            return order;
        }

        private String expectState(TradingStateResult result, TradingState expected) {
            if (result instanceof TradingStateResult.Failed failed) {
                throw new DemoStepFailedException(
                        "the trading state change failed: " + failed.code() + ": " + failed.message());
            }
            TradingStateChange change = ((TradingStateResult.Changed) result).change();
            TradingState now = risk.tradingState(ACCOUNT).state();
            if (change.state() != expected || now != expected) {
                throw new DemoStepFailedException("expected the account " + expected + ", it is " + now);
            }
            return ACCOUNT.value() + " is " + expected + " (" + change.reason() + ")";
        }

        private Order read(ClientOrderId id) {
            return orders.order(id)
                    .orElseThrow(() -> new DemoStepFailedException("order " + id + " is not in the order store"));
        }

        private void setPrice(InstrumentId instrument, String price) {
            Price value = Price.of(price);
            venue.setPrice(instrument, value);
            if (!venue.lastPrice(instrument).equals(Optional.of(value))) {
                throw new DemoStepFailedException("the venue did not take the price " + value + " for " + instrument);
            }
        }
    }

    private static boolean equalQuantities(Map<InstrumentId, BigDecimal> a, Map<InstrumentId, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    private static <T> T answer(CompletableFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DemoStepFailedException("the " + what + " failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw new DemoStepFailedException(
                    "no answer to the " + what + " within " + STEP_TIMEOUT.toSeconds() + " s");
        }
    }

    /** {@code FILLED 40 @ 1500}, {@code ACCEPTED}, {@code REJECTED by PRICE_BAND: reason}, … */
    static String describe(Order order) {
        StringBuilder text = new StringBuilder(order.status().name());
        if (order.filledQuantity().isPositive()) {
            text.append(' ').append(order.filledQuantity());
            if (order.status() != OrderStatus.FILLED) {
                text.append(" of ").append(order.quantity());
            }
            order.averageFillPrice().ifPresent(price -> text.append(" @ ").append(price));
        }
        order.rejection().ifPresent(rejection -> text.append(" by ")
                .append(rejection.check().orElse(rejection.source().name()))
                .append(": ")
                .append(rejection.reason()));
        order.errorReason().ifPresent(reason -> text.append(": ").append(reason));
        return text.toString();
    }

    private static OrderRequest.Builder order(Side side, InstrumentId instrument, long quantity, OrderType type) {
        return OrderRequest.builder()
                .account(ACCOUNT)
                .strategy(STRATEGY)
                .instrument(instrument)
                .side(side)
                .type(type)
                .quantity(quantity);
    }

    private static OrderRequest market(Side side, InstrumentId instrument, long quantity) {
        return order(side, instrument, quantity, OrderType.MARKET).build();
    }

    private static OrderRequest limit(Side side, InstrumentId instrument, long quantity, String price) {
        return order(side, instrument, quantity, OrderType.LIMIT)
                .limitPrice(price)
                .build();
    }

    private static OrderRequest stop(Side side, InstrumentId instrument, long quantity, String trigger) {
        return order(side, instrument, quantity, OrderType.STOP)
                .triggerPrice(trigger)
                .build();
    }

    private static OrderRequest stopLimit(
            Side side, InstrumentId instrument, long quantity, String trigger, String price) {
        return order(side, instrument, quantity, OrderType.STOP_LIMIT)
                .triggerPrice(trigger)
                .limitPrice(price)
                .build();
    }
}
