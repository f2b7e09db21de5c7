package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.FakeRiskContext.limitSell;
import static io.openoms.domain.risk.FakeRiskContext.request;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.risk.FakeRiskContext;
import io.openoms.domain.risk.RiskLimits;
import org.junit.jupiter.api.Test;

class MaxDirectionalSkewCheckTest {
    private final MaxDirectionalSkewCheck check = new MaxDirectionalSkewCheck();
    private final FakeRiskContext context = context()
            .limits(RiskLimits.none().toBuilder()
                    .maxDirectionalSkewPercent("60")
                    .build())
            .longExposure(300_000)
            .shortExposure(100_000);

    @Test
    void a_skew_equal_to_the_limit_passes() {
        // long 300000 + 100 × 1000 = 400000, short 100000: |400000 - 100000| / 500000 = 60%
        assertPasses(check.check(limitBuy(100, "1000"), context));
    }

    @Test
    void a_skew_just_above_the_limit_fails() {
        // long 400005, short 100000: 300005 / 500005 = 60.0004%
        assertFails(
                check.check(limitBuy(100, "1000.05"), context),
                "directional skew would be 60.0004% (long 400005, short 100000 after BUY 100 NSE:INFY (CNC)), above"
                        + " maxDirectionalSkewPercent 60");
    }

    @Test
    void an_order_that_lowers_the_imbalance_passes_even_above_the_limit() {
        // long 900000, short 0 (100%); a short sale of 100000 leaves 800000 / 1000000 = 80%, but less skewed
        context.longExposure(900_000).shortExposure(0);
        assertPasses(check.check(limitSell(100, "1000"), context));
    }

    @Test
    void an_order_that_shrinks_a_position_passes() {
        context.longExposure(0).shortExposure(500_000).position(INFY, -500);
        // buying back 100 of the short: exempt (shrinks without flipping)
        assertPasses(check.check(limitBuy(100, "1000"), context));
    }

    @Test
    void a_first_order_from_flat_is_fully_skewed() {
        assertFails(check.check(limitBuy(1, "1000"), context.longExposure(0).shortExposure(0)), "would be 100%");
    }

    @Test
    void an_account_with_no_exposure_after_the_order_has_no_skew() {
        // a zero-priced order into a flat book: long 0, short 0
        assertPasses(check.check(limitBuy(1, "0"), context.longExposure(0).shortExposure(0)));
    }

    @Test
    void an_order_without_a_price_fails() {
        assertFails(check.check(request().buy().quantity(1).build(), context), "maxDirectionalSkewPercent");
    }

    @Test
    void the_check_is_off_without_a_limit() {
        assertPasses(check.check(limitBuy(1, "1000"), context().longExposure(1_000_000)));
    }
}
