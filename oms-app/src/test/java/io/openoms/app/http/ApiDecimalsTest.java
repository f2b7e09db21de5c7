package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Every decimal the API writes has its documented scale (issue 10, finding 6). */
class ApiDecimalsTest {
    @Test
    void an_average_price_from_a_division_is_written_to_eight_places_half_even() {
        Price average = Price.of(new BigDecimal("214477.05").divide(new BigDecimal("143"), DecimalPrecision.DIVISION));

        assertThat(average.value().toPlainString()).startsWith("1499.8395104895104895104895");
        assertThat(ApiDecimals.price(average)).isEqualTo("1499.83951049");
    }

    @Test
    void a_price_that_was_sent_comes_back_exactly() {
        assertThat(ApiDecimals.price(Price.of("1400.05"))).isEqualTo("1400.05");
        assertThat(ApiDecimals.price(Price.of("1500"))).isEqualTo("1500");
        assertThat(ApiDecimals.price(Price.of("0.0025"))).isEqualTo("0.0025");
    }

    @Test
    void money_is_written_to_the_paisa_half_even_without_trailing_zeros() {
        assertThat(ApiDecimals.money(Money.of("3.05991"))).isEqualTo("3.06");
        assertThat(ApiDecimals.money(Money.of("-3.05991"))).isEqualTo("-3.06");
        assertThat(ApiDecimals.money(Money.of("2.345"))).isEqualTo("2.34");
        assertThat(ApiDecimals.money(Money.of("2.355"))).isEqualTo("2.36");
        assertThat(ApiDecimals.money(Money.of("7.50"))).isEqualTo("7.5");
        assertThat(ApiDecimals.money(Money.of("-0.001"))).isEqualTo("0");
    }

    @Test
    void a_quantity_is_exact() {
        assertThat(ApiDecimals.exact(new BigDecimal("0.12345678"))).isEqualTo("0.12345678");
        assertThat(ApiDecimals.exact(new BigDecimal("1E+3"))).isEqualTo("1000");
    }
}
