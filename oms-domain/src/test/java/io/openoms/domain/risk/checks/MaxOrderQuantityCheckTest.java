package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.FakeRiskContext.request;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.risk.FakeRiskContext;
import io.openoms.domain.risk.InstrumentRiskLimits;
import io.openoms.domain.risk.RiskLimits;
import org.junit.jupiter.api.Test;

class MaxOrderQuantityCheckTest {
    private final MaxOrderQuantityCheck check = new MaxOrderQuantityCheck();
    private final FakeRiskContext context =
            context().limits(RiskLimits.none().toBuilder().maxOrderQuantity(100).build());

    @Test
    void a_quantity_equal_to_the_limit_passes() {
        assertPasses(check.check(limitBuy(100, "1500"), context));
    }

    @Test
    void one_more_than_the_limit_fails_naming_the_key() {
        assertFails(check.check(limitBuy(101, "1500"), context), "order quantity 101 exceeds maxOrderQuantity 100");
    }

    @Test
    void the_check_is_off_without_a_limit() {
        assertPasses(check.check(limitBuy(1_000_000, "1500"), context()));
    }

    @Test
    void exits_are_not_exempt() {
        assertFails(check.check(FakeRiskContext.limitSell(101, "1500"), context.position(INFY, 500)), "101");
    }

    @Test
    void an_instrument_override_beats_the_account_limit() {
        InstrumentId tcs = InstrumentId.parse("NSE:TCS");
        RiskLimits limits = RiskLimits.none().toBuilder()
                .maxOrderQuantity(100)
                .instrumentOverride(
                        INFY,
                        InstrumentRiskLimits.builder().maxOrderQuantity(50).build())
                .build();
        FakeRiskContext context = context().limits(limits);
        assertPasses(check.check(limitBuy(50, "1500"), context));
        assertFails(check.check(limitBuy(51, "1500"), context), "maxOrderQuantity 50");
        // other instruments keep the account limit
        assertPasses(check.check(request().instrument(tcs).buy().quantity(100).build(), context));
        assertFails(check.check(request().instrument(tcs).buy().quantity(101).build(), context), "100");
    }
}
