package io.openoms.domain.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstrumentTest {
    private static final Currency INR = Currency.getInstance("INR");
    private static final TradingSession NSE = TradingSession.indianEquities(Set.of());

    @Test
    void an_instrument_id_parses_and_prints_as_exchange_colon_symbol() {
        InstrumentId id = InstrumentId.parse("nse:M&M");
        assertThat(id.exchange()).isEqualTo("NSE");
        assertThat(id.symbol()).isEqualTo("M&M");
        assertThat(id.toString()).isEqualTo("NSE:M&M");
        assertThat(InstrumentId.of("NFO", "NIFTY25NOVFUT")).isEqualTo(InstrumentId.parse("NFO:NIFTY25NOVFUT"));
    }

    @Test
    void a_malformed_instrument_id_says_what_shape_is_expected() {
        assertThatThrownBy(() -> InstrumentId.parse("INFY")).hasMessageContaining("EXCHANGE:SYMBOL");
        assertThatThrownBy(() -> InstrumentId.parse("NSE:")).hasMessageContaining("EXCHANGE:SYMBOL");
        assertThatThrownBy(() -> InstrumentId.parse(":INFY")).hasMessageContaining("EXCHANGE:SYMBOL");
        assertThatThrownBy(() -> InstrumentId.parse("A:B:C")).hasMessageContaining("EXCHANGE:SYMBOL");
        assertThatThrownBy(() -> InstrumentId.parse("")).hasMessageContaining("instrument is missing");
        assertThatThrownBy(() -> InstrumentId.parse("N-SE:INFY")).hasMessageContaining("exchange");
        assertThatThrownBy(() -> InstrumentId.parse("NSE:IN FY")).hasMessageContaining("symbol");
    }

    @Test
    void quantity_problems_name_the_rule_broken() {
        Instrument nifty = new Instrument(
                InstrumentId.parse("NFO:NIFTY25NOVFUT"),
                new BigDecimal("0.05"),
                Quantity.of(75),
                Quantity.of(75),
                Optional.of(Quantity.of(3000)),
                Optional.of(Quantity.of(1800)),
                INR,
                NSE);
        assertThat(nifty.quantityProblem(Quantity.of(150))).isEmpty();
        assertThat(nifty.quantityProblem(Quantity.of(100))).get().asString().contains("multiple of the lot size 75");
        assertThat(nifty.quantityProblem(Quantity.ZERO)).get().asString().contains("must be positive");
        assertThat(nifty.quantityProblem(Quantity.of(1800))).isEmpty();
        assertThat(nifty.quantityProblem(Quantity.of(1875))).get().asString().contains("freeze quantity 1800");
        Instrument withMin = new Instrument(
                nifty.id(),
                nifty.tickSize(),
                Quantity.of(1),
                Quantity.of(10),
                Optional.of(Quantity.of(20)),
                Optional.empty(),
                INR,
                NSE);
        assertThat(withMin.quantityProblem(Quantity.of(9))).get().asString().contains("below the minimum 10");
        assertThat(withMin.quantityProblem(Quantity.of(21))).get().asString().contains("above the maximum 20");
    }

    @Test
    void price_problems_name_the_tick_size() {
        Instrument infy = Instrument.of(InstrumentId.parse("NSE:INFY"), "0.05", 1, INR, NSE);
        assertThat(infy.priceProblem(Price.of("1500.05"))).isEmpty();
        assertThat(infy.priceProblem(Price.of("1500.02"))).get().asString().contains("tick size 0.05");
        assertThat(infy.priceProblem(Price.of("0"))).get().asString().contains("must be positive");
    }

    @Test
    void an_instrument_with_impossible_master_data_is_refused() {
        InstrumentId id = InstrumentId.parse("NSE:INFY");
        assertThatThrownBy(() -> Instrument.of(id, "0", 1, INR, NSE)).hasMessageContaining("tick size");
        assertThatThrownBy(() -> Instrument.of(id, "0.05", 0, INR, NSE)).hasMessageContaining("lot size");
        assertThatThrownBy(() -> new Instrument(
                        id,
                        BigDecimal.ONE,
                        Quantity.of(1),
                        Quantity.of(10),
                        Optional.of(Quantity.of(5)),
                        Optional.empty(),
                        INR,
                        NSE))
                .hasMessageContaining("below min quantity");
    }
}
