package io.openoms.simulators.kite;

import static io.openoms.simulators.kite.KiteSimulatorFixture.INFY;
import static io.openoms.simulators.kite.KiteSimulatorFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.adapters.broker.mock.MockVenueConfig;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class KiteSimulatorTickerTest {
    private final SimulatedVenue venue =
            new SimulatedVenue(MockVenueConfig.builder().seed(3).build(), List.of(INFY), T0);
    private final KiteSimulator simulator =
            new KiteSimulator(KiteSimulatorConfig.builder().build(), venue, List.of(INFY));

    @Test
    void a_tick_steps_the_venue_at_the_clock_instant() {
        new KiteSimulatorTicker(simulator, Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC)).tick();

        assertThat(venue.steps()).isEqualTo(1);
        assertThat(venue.now()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void a_clock_behind_the_venue_steps_it_at_its_own_time() {
        simulator.advanceTo(T0.plusSeconds(10));

        new KiteSimulatorTicker(simulator, Clock.fixed(T0, ZoneOffset.UTC)).tick();

        assertThat(venue.steps()).isEqualTo(1);
        assertThat(venue.now()).isEqualTo(T0.plusSeconds(10));
    }
}
