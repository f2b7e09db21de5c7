package io.openoms.adapters.broker.mock;

import static io.openoms.adapters.broker.mock.VenueFixtures.INFY_ID;
import static io.openoms.adapters.broker.mock.VenueFixtures.at;
import static io.openoms.adapters.broker.mock.VenueFixtures.limit;
import static io.openoms.adapters.broker.mock.VenueFixtures.market;
import static io.openoms.adapters.broker.mock.VenueFixtures.stop;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private static final FaultProbabilities EVERYTHING_GOES_WRONG_SOMETIMES =
            new FaultProbabilities(0.1, "simulated refusal", 0.1, 0.1, 0.1, 0.2, 0.2, 0.3, 0.2, 2, 0.05, 0.05, 2);

    /** What one run produced: the gateway answers, the pushed updates and the venue's truth. */
    private record Run(
            List<BrokerResult<?>> answers,
            List<RecordingBrokerUpdates.Received> pushed,
            Object trades,
            Object positions,
            Object orders) {}

    private static Run run(long seed) {
        MockVenueConfig config = MockVenueConfig.builder()
                .seed(seed)
                .volatilityTicks(3)
                .slippageTicks(1)
                .liquidityPerStep(7)
                .ackLatency(Duration.ofMillis(300))
                .feeBasisPoints(new BigDecimal("2.5"))
                .initialPrice(INFY_ID, Price.of(100))
                .faults(EVERYTHING_GOES_WRONG_SOMETIMES)
                .build();
        RecordingBrokerUpdates updates = new RecordingBrokerUpdates();
        SimulatedVenue venue = VenueFixtures.venue(config, updates);
        MockBrokerGateway gateway = new MockBrokerGateway(venue);
        List<BrokerResult<?>> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Side side = i % 3 == 0 ? Side.SELL : Side.BUY;
            Order order =
                    switch (i % 4) {
                        case 0 -> market("M-" + i, side, 10 + i);
                        case 1 -> limit("L-" + i, side, 20, side == Side.BUY ? "99.5" : "100.5");
                        case 2 -> stop("S-" + i, side, 15, side == Side.BUY ? "100.5" : "99.5");
                        default -> limit("X-" + i, side, 30, "100");
                    };
            answers.add(gateway.place(order));
            if (i % 5 == 0) {
                answers.add(gateway.modify(order, OrderModification.quantity(Quantity.of(40))));
            }
            if (i % 7 == 0) {
                answers.add(gateway.cancel(order));
            }
            venue.step(at(i + 1));
            answers.add(gateway.orders());
        }
        return new Run(answers, updates.all(), venue.trades(), venue.positions(), venue.orders());
    }

    @Test
    void the_same_seed_and_the_same_calls_give_identical_answers_updates_trades_and_positions() {
        Run first = run(11);
        Run second = run(11);

        assertThat(second.answers()).isEqualTo(first.answers());
        assertThat(second.pushed()).isEqualTo(first.pushed());
        assertThat(second.trades()).isEqualTo(first.trades());
        assertThat(second.positions()).isEqualTo(first.positions());
        assertThat(second.orders()).isEqualTo(first.orders());
        assertThat(first.pushed()).hasSizeGreaterThan(100);
    }

    @Test
    void another_seed_gives_another_run() {
        assertThat(run(12).pushed()).isNotEqualTo(run(11).pushed());
    }
}
