package io.openoms.integration;

import static io.openoms.integration.TradingSystem.INFY;
import static io.openoms.integration.TradingSystem.TCS;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.adapters.broker.mock.ExternalOrder;
import io.openoms.adapters.broker.mock.VenueOperation;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random interleavings of submit, modify, cancel, venue steps (fills, partial by liquidity), price
 * moves, acknowledgements held behind fills, delayed acknowledgements, duplicated updates, fills
 * racing cancels, lost place replies, monitor passes and restarts, against the simulated venue; the
 * state invariants ({@link InvariantChecker#checkState}) are checked after every action, and after
 * the last one, a monitor pass and reconciliation, agreement with the venue too.
 *
 * <p>The venue fills at most 4 per matching round and acknowledges after 0, 1 or 2 seconds (drawn per
 * try). Runs on embedded H2 (a file database, emptied between tries), so restarts are real: the engine
 * is rebuilt from what persistence made durable. Tries are few and sequences short so the module
 * stays fast; the seed is fixed, so a run is reproducible.
 */
class TradingSystemProperties {
    private static Path directory;
    private static ScenarioDatabase database;

    @BeforeContainer
    static void openDatabase() throws IOException {
        directory = Files.createTempDirectory("oms-properties");
        database = ScenarioDatabase.h2Embedded(directory);
    }

    @AfterContainer
    static void closeDatabase() throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        }
    }

    /** One thing that happens to the system. */
    sealed interface Action {}

    record Submit(boolean buy, InstrumentId instrument, long quantity, Optional<Integer> limitOffset)
            implements Action {}

    record Modify(int order, long quantityChange, int priceChange) implements Action {}

    record Cancel(int order) implements Action {}

    record Step(int steps) implements Action {}

    record MovePrice(InstrumentId instrument, int offset) implements Action {}

    record HoldNextAcknowledgement() implements Action {}

    record DuplicateNextUpdates(int count) implements Action {}

    record FillBeforeNextCancel() implements Action {}

    record LoseNextPlaceReply() implements Action {}

    record LoseNextCancelReply() implements Action {}

    record LoseNextModifyReply() implements Action {}

    record NextPlacementNeverArrives() implements Action {}

    record MalformNextUpdate() implements Action {}

    record PlaceExternally(boolean buy, InstrumentId instrument, long quantity) implements Action {}

    record DisconnectStream() implements Action {}

    record ReconnectStream() implements Action {}

    record MonitorPass() implements Action {}

    record Reconcile() implements Action {}

    record Restart() implements Action {}

    @Property(tries = 20, seed = "20240304")
    void invariants_hold_after_every_step_of_any_interleaving(
            @ForAll("actions") List<Action> actions, @ForAll @IntRange(min = 0, max = 2) int ackLatencySeconds) {
        database.reset();
        TradingSystem system = TradingSystem.builder(database)
                .venue(v -> v.liquidityPerStep(4).ackLatency(Duration.ofSeconds(ackLatencySeconds)))
                .start();
        List<ClientOrderId> orders = new ArrayList<>();
        List<String> done = new ArrayList<>();
        try {
            for (Action action : actions) {
                apply(system, action, orders);
                done.add(action.toString());
                system.settle();
                List<String> violations = InvariantChecker.checkState(system);
                assertThat(violations).as("after %s", done).isEmpty();
                assertThat(system.placementCounts().values())
                        .as("no order is placed twice")
                        .allMatch(count -> count == 1);
            }
            system.venue().reconnectStream();
            system.step();
            system.monitorPass();
            InvariantChecker.assertAll(system);
        } finally {
            system.close();
        }
    }

    private static void apply(TradingSystem system, Action action, List<ClientOrderId> orders) {
        if (action instanceof Submit submit) {
            OrderRequest.Builder request = (submit.buy()
                            ? TradingSystem.buy(submit.quantity())
                            : TradingSystem.sell(submit.quantity()))
                    .instrument(submit.instrument());
            if (submit.limitOffset().isPresent()) {
                BigDecimal last = system.venue()
                        .lastPrice(submit.instrument())
                        .orElseThrow()
                        .value();
                request.type(OrderType.LIMIT)
                        .limitPrice(Price.of(
                                last.add(BigDecimal.valueOf(submit.limitOffset().get()))));
            }
            OrderCommandResult result = system.submit(request);
            if (result instanceof OrderCommandResult.Accepted accepted) {
                orders.add(accepted.order().id());
            } else if (result instanceof OrderCommandResult.Rejected rejected) {
                orders.add(rejected.order().id());
            }
        } else if (action instanceof Modify modify && !orders.isEmpty()) {
            Order order = system.order(orders.get(modify.order() % orders.size()));
            if (order.type() == OrderType.LIMIT && order.isOpen()) {
                Quantity quantity = Quantity.of(Math.max(
                        order.filledQuantity().value().longValue() + 1,
                        order.quantity().value().longValue() + modify.quantityChange()));
                Price limit = Price.of(
                        order.limitPrice().orElseThrow().value().add(BigDecimal.valueOf(modify.priceChange())));
                system.modify(
                        order.id(), new OrderModification(Optional.of(quantity), Optional.of(limit), Optional.empty()));
            }
        } else if (action instanceof Cancel cancel && !orders.isEmpty()) {
            system.cancel(orders.get(cancel.order() % orders.size()));
        } else if (action instanceof Step step) {
            system.step(step.steps());
        } else if (action instanceof MovePrice move) {
            BigDecimal last =
                    system.venue().lastPrice(move.instrument()).orElseThrow().value();
            system.setPrice(
                    move.instrument(),
                    last.add(BigDecimal.valueOf(move.offset())).toPlainString());
        } else if (action instanceof HoldNextAcknowledgement) {
            system.venue().faults().reorderNextPlacements(1);
        } else if (action instanceof DuplicateNextUpdates duplicate) {
            system.venue().faults().duplicateNextUpdates(duplicate.count());
        } else if (action instanceof FillBeforeNextCancel) {
            system.venue().faults().fillBeforeNextCancels(1);
        } else if (action instanceof LoseNextPlaceReply) {
            system.venue().faults().timeoutAfterApplyingNext(VenueOperation.PLACE, 1);
        } else if (action instanceof LoseNextCancelReply) {
            system.venue().faults().timeoutAfterApplyingNext(VenueOperation.CANCEL, 1);
        } else if (action instanceof LoseNextModifyReply) {
            system.venue().faults().timeoutAfterApplyingNext(VenueOperation.MODIFY, 1);
        } else if (action instanceof NextPlacementNeverArrives) {
            system.venue().faults().timeoutBeforeApplyingNext(VenueOperation.PLACE, 1);
        } else if (action instanceof MalformNextUpdate) {
            system.venue().faults().malformNextUpdates(1);
        } else if (action instanceof PlaceExternally external) {
            system.venue()
                    .placeExternal(ExternalOrder.market(
                            external.instrument(),
                            external.buy() ? Side.BUY : Side.SELL,
                            Quantity.of(external.quantity())));
        } else if (action instanceof DisconnectStream) {
            system.venue().disconnectStream();
        } else if (action instanceof ReconnectStream) {
            system.venue().reconnectStream();
        } else if (action instanceof Reconcile) {
            system.reconcile();
        } else if (action instanceof MonitorPass) {
            system.monitorPass();
        } else if (action instanceof Restart) {
            system.restart();
        }
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<InstrumentId> instrument = Arbitraries.of(INFY, TCS);
        Arbitrary<Action> submit = Combinators.combine(
                        Arbitraries.of(true, false),
                        instrument,
                        Arbitraries.longs().between(1, 12),
                        Arbitraries.integers().between(-5, 5).optional(0.7))
                .as(Submit::new);
        Arbitrary<Action> modify = Combinators.combine(
                        Arbitraries.integers().between(0, 50),
                        Arbitraries.longs().between(-3, 3),
                        Arbitraries.integers().between(-3, 3))
                .as(Modify::new);
        Arbitrary<Action> cancel = Arbitraries.integers().between(0, 50).map(Cancel::new);
        Arbitrary<Action> step = Arbitraries.integers().between(1, 3).map(Step::new);
        Arbitrary<Action> move = Combinators.combine(
                        instrument, Arbitraries.integers().between(-6, 6))
                .as(MovePrice::new);
        Arbitrary<Action> duplicate = Arbitraries.integers().between(1, 4).map(DuplicateNextUpdates::new);
        Arbitrary<Action> external = Combinators.combine(
                        Arbitraries.of(true, false),
                        instrument,
                        Arbitraries.longs().between(1, 5))
                .as(PlaceExternally::new);
        @SuppressWarnings("unchecked")
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(8, submit),
                Tuple.of(3, modify),
                Tuple.of(3, cancel),
                Tuple.of(6, step),
                Tuple.of(4, move),
                Tuple.of(1, Arbitraries.just(new HoldNextAcknowledgement())),
                Tuple.of(1, duplicate),
                Tuple.of(1, Arbitraries.just(new FillBeforeNextCancel())),
                Tuple.of(1, Arbitraries.just(new LoseNextPlaceReply())),
                Tuple.of(1, Arbitraries.just(new LoseNextCancelReply())),
                Tuple.of(1, Arbitraries.just(new LoseNextModifyReply())),
                Tuple.of(1, Arbitraries.just(new NextPlacementNeverArrives())),
                Tuple.of(1, Arbitraries.just(new MalformNextUpdate())),
                Tuple.of(1, external),
                Tuple.of(1, Arbitraries.just(new DisconnectStream())),
                Tuple.of(1, Arbitraries.just(new ReconnectStream())),
                Tuple.of(1, Arbitraries.just(new Reconcile())),
                Tuple.of(2, Arbitraries.just(new MonitorPass())),
                Tuple.of(1, Arbitraries.just(new Restart())));
        return action.list().ofMinSize(10).ofMaxSize(30);
    }
}
