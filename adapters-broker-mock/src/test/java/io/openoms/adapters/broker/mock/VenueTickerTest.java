package io.openoms.adapters.broker.mock;

import static io.openoms.adapters.broker.mock.VenueFixtures.INFY;
import static io.openoms.adapters.broker.mock.VenueFixtures.INFY_ID;
import static io.openoms.adapters.broker.mock.VenueFixtures.T0;
import static io.openoms.adapters.broker.mock.VenueFixtures.at;
import static io.openoms.adapters.broker.mock.VenueFixtures.calm;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.value.Price;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class VenueTickerTest {
    @Test
    void each_tick_is_one_venue_step_at_the_clocks_instant() {
        SimulatedVenue venue = new SimulatedVenue(calm().build(), List.of(INFY), T0);
        venue.scriptPrices(INFY_ID, List.of(Price.of(101), Price.of(102)));

        new VenueTicker(venue, Clock.fixed(at(3), ZoneOffset.UTC)).tick();

        assertThat(venue.now()).isEqualTo(at(3));
        assertThat(venue.steps()).isEqualTo(1);
        assertThat(venue.lastPrice(INFY_ID)).contains(Price.of(101));
    }

    @Test
    void a_clock_that_steps_back_steps_the_venue_at_its_own_time() {
        SimulatedVenue venue = new SimulatedVenue(calm().build(), List.of(INFY), T0);
        venue.step(at(10));
        Instant earlier = at(5);

        new VenueTicker(venue, Clock.fixed(earlier, ZoneOffset.UTC)).tick();

        assertThat(venue.now()).isEqualTo(at(10));
        assertThat(venue.steps()).isEqualTo(2);
    }
}
