package io.openoms.integration;

import static io.openoms.integration.TradingSystem.INFY;
import static io.openoms.integration.TradingSystem.TCS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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
    private static final long SEED = 20240304;
    private static final int TRIES = 20;
    // each shrink step replays a whole interleaving against the database: bounded, so a failure reports soon
    private static final int SHRINK_CYCLES = 200;
    private static Path directory;
    private static ScenarioDatabase database;

    @BeforeAll
    static void openDatabase() throws IOException {
        directory = Files.createTempDirectory("oms-properties");
        database = ScenarioDatabase.h2Embedded(directory);
    }

    @AfterAll
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

    @Test
    void invariants_hold_after_every_step_of_any_interleaving() {
        qt().withFixedSeed(SEED)
                .withExamples(TRIES)
                .withShrinkCycles(SHRINK_CYCLES)
                .forAll(actions(), integers().between(0, 2))
                .checkAssert(TradingSystemProperties::invariantsHoldAfterEveryStep);
    }

    private static void invariantsHoldAfterEveryStep(List<Action> actions, int ackLatencySeconds) {
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

    private static Gen<List<Action>> actions() {
        Gen<InstrumentId> instrument = Generate.pick(List.of(INFY, TCS));
        Gen<Boolean> buy = booleans().all();
        Gen<Action> submit = in -> new Submit(
                buy.generate(in),
                instrument.generate(in),
                longs().between(1, 12).generate(in),
                integers().between(-5, 5).toOptionals(30).generate(in));
        Gen<Action> modify = in -> new Modify(
                integers().between(0, 50).generate(in),
                longs().between(-3, 3).generate(in),
                integers().between(-3, 3).generate(in));
        Gen<Action> cancel = integers().between(0, 50).map(Cancel::new);
        Gen<Action> step = integers().between(1, 3).map(Step::new);
        Gen<Action> move = in ->
                new MovePrice(instrument.generate(in), integers().between(-6, 6).generate(in));
        Gen<Action> duplicate = integers().between(1, 4).map(DuplicateNextUpdates::new);
        Gen<Action> external = in -> new PlaceExternally(
                buy.generate(in), instrument.generate(in), longs().between(1, 5).generate(in));
        Gen<Action> action = Generate.frequency(List.of(
                Pair.of(8, submit),
                Pair.of(3, modify),
                Pair.of(3, cancel),
                Pair.of(6, step),
                Pair.of(4, move),
                Pair.of(1, always(new HoldNextAcknowledgement())),
                Pair.of(1, duplicate),
                Pair.of(1, always(new FillBeforeNextCancel())),
                Pair.of(1, always(new LoseNextPlaceReply())),
                Pair.of(1, always(new LoseNextCancelReply())),
                Pair.of(1, always(new LoseNextModifyReply())),
                Pair.of(1, always(new NextPlacementNeverArrives())),
                Pair.of(1, always(new MalformNextUpdate())),
                Pair.of(1, external),
                Pair.of(1, always(new DisconnectStream())),
                Pair.of(1, always(new ReconnectStream())),
                Pair.of(1, always(new Reconcile())),
                Pair.of(2, always(new MonitorPass())),
                Pair.of(1, always(new Restart()))));
        return lists().of(action).ofSizeBetween(10, 30);
    }

    private static Gen<Action> always(Action action) {
        return Generate.constant(action);
    }
}
