package io.openoms.domain.risk;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.checks.StandardChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreTradeValidatorTest {
    private static final List<String> STANDARD_ORDER = List.of(
            "TRADING_STATE",
            "REDUCE_ONLY",
            "QUANTITY_VALIDITY",
            "PRICE_VALIDITY",
            "MARKET_HOURS",
            "PRICE_BAND",
            "CIRCUIT_LIMIT",
            "MAX_ORDER_QUANTITY",
            "MAX_ORDER_NOTIONAL",
            "MAX_OPEN_ORDERS",
            "DAILY_LOSS_LIMIT",
            "MAX_POSITION_QUANTITY",
            "MAX_POSITION_VALUE",
            "MAX_OPEN_POSITIONS",
            "MAX_GROSS_EXPOSURE",
            "MAX_DIRECTIONAL_SKEW",
            "BUYING_POWER",
            "MAX_RISK_PER_TRADE",
            "MIN_REWARD_TO_RISK");

    private static RiskCheck named(String name, RiskCheckResult result) {
        return new RiskCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RiskCheckResult check(OrderRequest request, RiskContext context) {
                return result;
            }
        };
    }

    @Test
    void the_standard_validator_runs_every_check_in_the_documented_order_when_all_pass() {
        RiskDecision decision = StandardChecks.validator().validate(limitBuy(10, "1500"), context());

        assertThat(decision.approved()).isTrue();
        assertThat(decision.rejected()).isFalse();
        assertThat(decision.checksRun()).isEqualTo(STANDARD_ORDER);
        assertThat(decision.firstFailure()).isEmpty();
        assertThat(decision.reason()).isEmpty();
        assertThat(StandardChecks.validator().checks())
                .extracting(RiskCheck::name)
                .isEqualTo(STANDARD_ORDER);
    }

    @Test
    void the_validator_stops_at_the_first_failure_and_lists_the_checks_run() {
        FakeRiskContext context = context()
                .limits(RiskLimits.none().toBuilder().maxOrderQuantity(5).build());

        RiskDecision decision = StandardChecks.validator().validate(limitBuy(10, "1500"), context);

        assertThat(decision.rejected()).isTrue();
        assertThat(decision.checksRun()).isEqualTo(STANDARD_ORDER.subList(0, 8));
        assertThat(decision.rejectedBy()).contains("MAX_ORDER_QUANTITY");
        assertThat(decision.reason()).contains("order quantity 10 exceeds maxOrderQuantity 5");
        assertThat(decision.outcomes().subList(0, 7)).allMatch(RiskCheckOutcome::passed);
    }

    @Test
    void a_halted_account_is_refused_by_the_first_check() {
        RiskDecision decision = StandardChecks.validator()
                .validate(limitBuy(10, "1500"), context().tradingState(TradingState.HALTED));

        assertThat(decision.checksRun()).containsExactly("TRADING_STATE");
        assertThat(decision.rejectedBy()).contains("TRADING_STATE");
    }

    @Test
    void a_check_that_throws_fails_closed_naming_the_check() {
        RiskCheck broken = new RiskCheck() {
            @Override
            public String name() {
                return "BROKEN";
            }

            @Override
            public RiskCheckResult check(OrderRequest request, RiskContext context) {
                throw new IllegalStateException("boom");
            }
        };
        PreTradeValidator validator = PreTradeValidator.of(named("FIRST", RiskCheckResult.pass()), broken)
                .withCheck(named("NEVER_RUN", RiskCheckResult.pass()));

        RiskDecision decision = validator.validate(limitBuy(10, "1500"), context());

        assertThat(decision.checksRun()).containsExactly("FIRST", "BROKEN");
        assertThat(decision.reason())
                .contains("check BROKEN failed unexpectedly: java.lang.IllegalStateException: boom");
    }

    @Test
    void a_check_that_returns_no_result_fails_closed() {
        RiskDecision decision = PreTradeValidator.of(named("SILENT", null)).validate(limitBuy(10, "1500"), context());

        assertThat(decision.reason()).contains("check SILENT failed unexpectedly: it returned no result");
    }

    @Test
    void an_authors_check_added_to_the_standard_ones_runs_last() {
        RiskCheck noInfyOnFridays = named("NO_INFY", RiskCheckResult.fail("the author refuses INFY"));
        PreTradeValidator validator = StandardChecks.validator().withCheck(noInfyOnFridays);

        RiskDecision decision = validator.validate(limitBuy(10, "1500"), context());

        assertThat(decision.checksRun()).hasSize(STANDARD_ORDER.size() + 1).endsWith("NO_INFY");
        assertThat(decision.rejectedBy()).contains("NO_INFY");
        assertThat(decision.reason()).contains("the author refuses INFY");
        assertThat(validator).hasToString("PreTradeValidator" + decision.checksRun());
    }

    @Test
    void an_instrument_override_beats_the_account_limit_in_a_full_validation() {
        RiskLimits limits = RiskLimits.none().toBuilder()
                .maxOrderNotional(1_000_000)
                .instrumentOverride(
                        INFY,
                        InstrumentRiskLimits.builder().maxOrderNotional(10_000).build())
                .build();

        // 10 × 1500 = 15000 > 10000 (the INFY override), though within the account's 1000000
        RiskDecision decision = StandardChecks.validator()
                .validate(limitBuy(10, "1500"), context().limits(limits));

        assertThat(decision.rejectedBy()).contains("MAX_ORDER_NOTIONAL");
        assertThat(decision.reason()).contains("order notional 15000 (10 × 1500) exceeds maxOrderNotional 10000");
    }

    @Test
    void check_names_must_be_unique_and_screaming_snake_case() {
        RiskCheck pass = named("SAME", RiskCheckResult.pass());
        assertThatThrownBy(() -> PreTradeValidator.of(pass, pass))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two checks are named SAME");
        assertThatThrownBy(() -> PreTradeValidator.of(named("maxQty", RiskCheckResult.pass())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SCREAMING_SNAKE_CASE")
                .hasMessageContaining("'maxQty'");
        assertThatThrownBy(() -> PreTradeValidator.of(named(null, RiskCheckResult.pass())))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void an_empty_validator_approves_everything() {
        RiskDecision decision = new PreTradeValidator(List.of()).validate(limitBuy(10, "1500"), context());

        assertThat(decision.approved()).isTrue();
        assertThat(decision.checksRun()).isEmpty();
    }

    @Test
    void the_check_list_cannot_be_changed_from_outside() {
        assertThatThrownBy(() -> StandardChecks.validator().checks().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
