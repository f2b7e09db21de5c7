package io.openoms.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.value.Money;
import org.junit.jupiter.api.Test;

class DemoReportTest {
    @Test
    void amountsOfMoneyArePrintedToThePaisaWithBankersRounding() {
        assertThat(DemoReport.money(Money.of("12.345"))).isEqualTo("12.34");
        assertThat(DemoReport.money(Money.of("12.355"))).isEqualTo("12.36");
        assertThat(DemoReport.money(Money.of("-0.0375"))).isEqualTo("-0.04");
    }

    @Test
    void wholeAmountsKeepTwoPlacesSoAColumnLinesUp() {
        assertThat(DemoReport.money(Money.of(1500))).isEqualTo("1500.00");
        assertThat(DemoReport.money(Money.ZERO)).isEqualTo("0.00");
    }
}
