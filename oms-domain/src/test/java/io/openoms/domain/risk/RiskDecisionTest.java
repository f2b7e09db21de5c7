package io.openoms.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RiskDecisionTest {
    @Test
    void only_the_last_outcome_may_be_a_failure() {
        List<RiskCheckOutcome> outcomes = List.of(
                new RiskCheckOutcome("A", RiskCheckResult.fail("no")),
                new RiskCheckOutcome("B", RiskCheckResult.pass()));

        assertThatThrownBy(() -> new RiskDecision(outcomes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A failed earlier");
    }

    @Test
    void results_and_outcomes_print_readably() {
        assertThat(RiskCheckResult.pass()).hasToString("PASS");
        assertThat(new RiskCheckOutcome("A", RiskCheckResult.fail("too big"))).hasToString("A FAIL: too big");
        assertThat(RiskCheckResult.fail("x").failed()).isTrue();
        assertThat(RiskCheckResult.pass().failed()).isFalse();
    }

    @Test
    void a_failure_needs_a_reason() {
        assertThatThrownBy(() -> RiskCheckResult.fail(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RiskCheckResult.fail(null)).isInstanceOf(NullPointerException.class);
    }
}
