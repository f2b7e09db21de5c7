package io.openoms.domain.testing.contract;

import static io.openoms.domain.testing.contract.ContractFixtures.BTC;
import static io.openoms.domain.testing.contract.ContractFixtures.INFY;
import static io.openoms.domain.testing.contract.ContractFixtures.NIFTY_FUT;
import static io.openoms.domain.testing.contract.ContractFixtures.assertSameValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.port.out.InstrumentStore;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link InstrumentStore}. An implementation's test extends this class, provides
 * the store and {@link #restartStore()}; every test starts on an empty store.
 *
 * <p>Every field comes back: tick size by value (its scale need not survive), lot, minimum,
 * optional maximum and freeze quantity, currency, and the session's zone, open, close, trading
 * days and holidays. {@code all()} is in no particular order.
 */
public abstract class InstrumentStoreContract {
    /** The store under test. */
    protected abstract InstrumentStore instrumentStore();

    /** Drops every in-memory object of the store and reopens it on the same data. */
    protected abstract void restartStore();

    @Test
    public void an_empty_store_knows_no_instrument() {
        assertThat(instrumentStore().find(INFY.id())).isEmpty();
        assertThat(instrumentStore().all()).isEmpty();
    }

    @Test
    public void every_field_of_an_instrument_round_trips() {
        Instrument odd = new Instrument(
                InstrumentId.parse("NYSE:BRK.B"),
                new BigDecimal("0.0001"),
                Quantity.of("0.5"),
                Quantity.of("1.5"),
                Optional.of(Quantity.of("100000.5")),
                Optional.empty(),
                Currency.getInstance("USD"),
                new TradingSession(
                        ZoneId.of("America/New_York"),
                        LocalTime.of(9, 30),
                        LocalTime.of(16, 0, 0, 500_000_000),
                        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY),
                        Set.of(LocalDate.of(2024, 7, 4), LocalDate.of(2024, 12, 25), LocalDate.of(2025, 1, 1))));
        List<Instrument> instruments = List.of(INFY, NIFTY_FUT, BTC, odd);
        instrumentStore().saveAll(instruments);

        for (Instrument instrument : instruments) {
            assertSameValue(instrumentStore().find(instrument.id()).orElseThrow(), instrument);
        }
        restartStore();
        for (Instrument instrument : instruments) {
            assertSameValue(instrumentStore().find(instrument.id()).orElseThrow(), instrument);
        }
        assertSameValue(sorted(instrumentStore().all()), sorted(instruments));
        assertThat(instrumentStore().find(NIFTY_FUT.id()).orElseThrow().freezeQuantity())
                .contains(Quantity.of(1800));
        assertThat(instrumentStore().find(INFY.id()).orElseThrow().session().holidays())
                .containsExactlyInAnyOrderElementsOf(INFY.session().holidays());
    }

    @Test
    public void saving_replaces_the_named_instruments_and_keeps_the_others() {
        instrumentStore().saveAll(List.of(INFY, NIFTY_FUT));
        Instrument newLot = new Instrument(
                NIFTY_FUT.id(),
                new BigDecimal("0.1"),
                Quantity.of(25),
                Quantity.of(25),
                Optional.empty(),
                Optional.of(Quantity.of(1775)),
                NIFTY_FUT.currency(),
                TradingSession.indianEquities(Set.of(LocalDate.of(2024, 3, 25))));
        instrumentStore().saveAll(List.of(newLot, BTC));
        restartStore();

        assertSameValue(instrumentStore().find(NIFTY_FUT.id()).orElseThrow(), newLot);
        assertSameValue(instrumentStore().find(INFY.id()).orElseThrow(), INFY);
        assertSameValue(instrumentStore().find(BTC.id()).orElseThrow(), BTC);
        assertThat(instrumentStore().all()).hasSize(3);
        instrumentStore().saveAll(List.of());
        assertThat(instrumentStore().all()).hasSize(3);
    }

    private static List<Instrument> sorted(Collection<Instrument> instruments) {
        return instruments.stream()
                .sorted(Comparator.comparing(i -> i.id().toString()))
                .toList();
    }
}
