package io.openoms.adapters.broker.mock;

import static io.openoms.adapters.broker.mock.VenueFixtures.INFY;
import static io.openoms.adapters.broker.mock.VenueFixtures.INFY_ID;
import static io.openoms.adapters.broker.mock.VenueFixtures.NIFTY;
import static io.openoms.adapters.broker.mock.VenueFixtures.NIFTY_ID;
import static io.openoms.adapters.broker.mock.VenueFixtures.T0;
import static io.openoms.adapters.broker.mock.VenueFixtures.at;
import static io.openoms.adapters.broker.mock.VenueFixtures.calm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceProcessTest {
    private static List<Price> walk(MockVenueConfig config, List<Instrument> listed, int steps) {
        SimulatedVenue venue = new SimulatedVenue(config, listed, T0);
        List<Price> path = new ArrayList<>();
        for (int i = 1; i <= steps; i++) {
            venue.step(at(i));
            path.add(venue.lastPrice(INFY_ID).orElseThrow());
        }
        return path;
    }

    @Test
    void the_random_walk_stays_on_the_tick_grid_and_moves_at_most_the_volatility_per_step() {
        List<Price> path = walk(calm().volatilityTicks(3).build(), List.of(INFY), 500);

        Price previous = Price.of(100);
        for (Price price : path) {
            assertThat(price.isOnTickGrid(new BigDecimal("0.05"))).isTrue();
            assertThat(price.isPositive()).isTrue();
            assertThat(price.minus(previous).abs()).isLessThanOrEqualTo(new BigDecimal("0.15"));
            previous = price;
        }
        assertThat(path.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void the_same_seed_walks_the_same_path_and_another_seed_another() {
        MockVenueConfig config = calm().volatilityTicks(2).build();

        assertThat(walk(config, List.of(INFY), 50)).isEqualTo(walk(config, List.of(INFY), 50));
        assertThat(walk(config.toBuilder().seed(8).build(), List.of(INFY), 50))
                .isNotEqualTo(walk(config, List.of(INFY), 50));
    }

    @Test
    void listing_another_instrument_does_not_change_an_instruments_path() {
        MockVenueConfig config = calm().volatilityTicks(2).build();

        assertThat(walk(config, List.of(INFY, NIFTY), 50)).isEqualTo(walk(config, List.of(INFY), 50));
    }

    @Test
    void a_walk_never_falls_below_one_tick() {
        List<Price> path = walk(
                calm().volatilityTicks(5)
                        .initialPrice(INFY_ID, Price.of("0.10"))
                        .build(),
                List.of(INFY),
                300);

        assertThat(path).allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(Price.of("0.05")));
    }

    @Test
    void a_scripted_path_is_followed_step_by_step_then_the_walk_resumes_from_its_end() {
        SimulatedVenue venue = new SimulatedVenue(calm().build(), List.of(INFY), T0);
        venue.scriptPrices(INFY_ID, List.of(Price.of(101), Price.of("101.5"), Price.of(99)));

        List<Price> seen = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            venue.step(at(i));
            seen.add(venue.lastPrice(INFY_ID).orElseThrow());
        }

        assertThat(seen).containsExactly(Price.of(101), Price.of("101.5"), Price.of(99), Price.of(99), Price.of(99));
    }

    @Test
    void initial_prices_come_from_the_configuration_snapped_to_the_tick_grid() {
        SimulatedVenue venue = new SimulatedVenue(
                calm().initialPrice(INFY_ID, Price.of("1500.03"))
                        .defaultInitialPrice(Price.of(250))
                        .build(),
                List.of(INFY),
                T0);
        venue.listInstrument(
                Instrument.of(InstrumentId.parse("NSE:TCS"), "0.05", 1, Currency.getInstance("INR"), INFY.session()));

        assertThat(venue.lastPrice(INFY_ID)).contains(Price.of("1500.05"));
        assertThat(venue.lastPrice(InstrumentId.parse("NSE:TCS"))).contains(Price.of(250));
        assertThat(venue.lastPrice(NIFTY_ID)).isEmpty();
    }

    @Test
    void prices_off_the_tick_grid_or_not_positive_are_refused() {
        SimulatedVenue venue = new SimulatedVenue(calm().build(), List.of(INFY), T0);

        assertThatThrownBy(() -> venue.setPrice(INFY_ID, Price.of("100.01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tick grid");
        assertThatThrownBy(() -> venue.scriptPrices(INFY_ID, List.of(Price.of(0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> venue.setPrice(NIFTY_ID, Price.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not listed");
        assertThatThrownBy(() -> venue.listInstrument(INFY)).hasMessageContaining("already listed");
    }

    @Test
    void venue_time_never_goes_backwards() {
        SimulatedVenue venue = new SimulatedVenue(calm().build(), List.of(INFY), T0);
        venue.step(at(5));

        assertThatThrownBy(() -> venue.advanceTo(at(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot go back");
        venue.step(at(5));
        assertThat(venue.now()).isEqualTo(at(5));
        assertThat(venue.steps()).isEqualTo(2);
    }

    @Test
    void the_venue_is_the_market_data_of_its_prices() {
        MarketData marketData = new SimulatedVenue(calm().build(), List.of(INFY), T0);

        assertThat(marketData.lastPrice(INFY_ID)).contains(Price.of(100));
    }
}
