package io.openoms.integration;

import static io.openoms.integration.TradingSystem.ACCOUNT;
import static io.openoms.integration.TradingSystem.INFY;
import static io.openoms.integration.TradingSystem.STRATEGY;
import static io.openoms.integration.TradingSystem.buy;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.adapters.broker.mock.ExternalOrder;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import io.openoms.domain.position.PositionManager;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker that every scenario ends with finds what it is there to find: each test plants one
 * violation behind the engine's back (in the stores or at the venue) and expects it reported.
 */
class InvariantCheckerTest {
    @TempDir
    static Path directory;

    private static ScenarioDatabase database;
    private TradingSystem system;
    private Order bought;

    @BeforeAll
    static void openDatabase() {
        database = ScenarioDatabase.h2Embedded(directory);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void buyTen() {
        database.reset();
        system = TradingSystem.builder(database).start();
        bought = system.awaitStatus(system.submitAccepted(buy(10)).id(), OrderStatus.FILLED);
        system.settle();
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void an_honest_run_has_no_violation() {
        assertThat(InvariantChecker.checkState(system)).isEmpty();
        assertThat(InvariantChecker.checkAgainstVenue(system)).isEmpty();
    }

    @Test
    void a_stored_position_that_its_fills_do_not_sum_to_is_reported() {
        PositionKey key = new PositionKey(ACCOUNT, STRATEGY, INFY, bought.product());
        Position three = new PositionManager()
                .apply(key, Side.BUY, fill("PLANTED-1", 3, 1500))
                .position();

        append(new JournalBatch(List.of(), List.of(), List.of(three)));

        assertThat(InvariantChecker.checkState(system))
                .anyMatch(violation ->
                        violation.startsWith("position " + key + " is ") && violation.endsWith("its fills sum to 10"));
    }

    @Test
    void a_fill_journalled_behind_the_engines_back_is_reported() {
        Order resting = system.awaitStatus(
                system.submitAccepted(buy(10).type(OrderType.LIMIT).limitPrice(Price.of(1400)))
                        .id(),
                OrderStatus.ACCEPTED);
        long next = resting.lastSequence() + 1;
        OrderEvent journalled = new OrderEvent.OrderFilled(resting.id(), next, now(), fill("PLANTED-2", 1, 1400));
        Order stored = resting.apply(new OrderEvent.OrderFilled(resting.id(), next, now(), fill("PLANTED-2", 1, 1401)));

        append(new JournalBatch(List.of(journalled), List.of(stored), List.of()));

        assertThat(InvariantChecker.checkState(system))
                .anyMatch(violation -> violation.endsWith("its fills sum to 11"))
                .anyMatch(violation -> violation.startsWith("order " + resting.id() + ": the listener saw"));
    }

    @Test
    void a_venue_fill_that_the_oms_never_heard_of_is_reported() {
        system.venue().disconnectStream();
        system.venue().placeExternal(ExternalOrder.market(INFY, Side.BUY, Quantity.of(5)));
        system.venue().step(system.clock().instant());

        assertThat(InvariantChecker.checkAgainstVenue(system)).isNotEmpty();
    }

    private void append(JournalBatch batch) {
        system.persistence().journal().append(batch).join();
    }

    private Instant now() {
        return system.clock().instant();
    }

    private Fill fill(String tradeId, long quantity, long price) {
        return new Fill(
                TradeId.of(tradeId), Quantity.of(quantity), Price.of(price), Money.ZERO, now(), Optional.empty());
    }
}
