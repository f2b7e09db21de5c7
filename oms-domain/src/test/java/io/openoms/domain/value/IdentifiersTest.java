package io.openoms.domain.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifiersTest {
    @Test
    void accounts_strategies_and_products_accept_ordinary_identifiers() {
        assertThat(AccountId.of("ZX1234").toString()).isEqualTo("ZX1234");
        assertThat(StrategyId.of("mean-reversion.v2").toString()).isEqualTo("mean-reversion.v2");
        assertThat(Product.of("mis")).isEqualTo(Product.MIS);
        assertThat(Product.of("MTF").toString()).isEqualTo("MTF");
    }

    @Test
    void a_missing_or_malformed_identifier_is_refused_naming_what_it_is() {
        assertThatThrownBy(() -> AccountId.of("")).hasMessage("account is missing");
        assertThatThrownBy(() -> StrategyId.of(null)).hasMessage("strategy is missing");
        assertThatThrownBy(() -> Product.of("C N C")).hasMessageContaining("product must be");
        assertThatThrownBy(() -> AccountId.of("x".repeat(100)))
                .hasMessageContaining("account must be")
                .hasMessageContaining("...");
    }
}
