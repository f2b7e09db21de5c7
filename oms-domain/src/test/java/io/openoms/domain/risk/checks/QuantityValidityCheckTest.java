package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.NSE_SESSION;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.request;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.FakeRiskContext;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuantityValidityCheckTest {
    private static final InstrumentId NIFTY_FUT = InstrumentId.parse("NFO:NIFTY24JUNFUT");
    // lot 25, min 25, max 1800, freeze 900
    private static final Instrument FUTURE = new Instrument(
            NIFTY_FUT,
            new BigDecimal("0.05"),
            Quantity.of(25),
            Quantity.of(25),
            Optional.of(Quantity.of(1800)),
            Optional.of(Quantity.of(900)),
            Currency.getInstance("INR"),
            NSE_SESSION);

    private final QuantityValidityCheck check = new QuantityValidityCheck();
    private final FakeRiskContext context = context().instrument(FUTURE);

    private static OrderRequest buy(long quantity) {
        return request().instrument(NIFTY_FUT).buy().quantity(quantity).build();
    }

    @Test
    void a_whole_number_of_lots_up_to_the_freeze_quantity_passes() {
        assertPasses(check.check(buy(25), context));
        assertPasses(check.check(buy(900), context));
    }

    @Test
    void one_lot_above_the_freeze_quantity_fails() {
        assertFails(check.check(buy(925), context), "freeze quantity 900");
    }

    @Test
    void a_quantity_that_is_not_a_whole_number_of_lots_fails() {
        assertFails(check.check(buy(30), context), "not a multiple of the lot size 25");
    }

    @Test
    void the_maximum_quantity_is_enforced_when_there_is_no_freeze_quantity() {
        Instrument noFreeze = new Instrument(
                NIFTY_FUT,
                new BigDecimal("0.05"),
                Quantity.of(25),
                Quantity.of(50),
                Optional.of(Quantity.of(1800)),
                Optional.empty(),
                Currency.getInstance("INR"),
                NSE_SESSION);
        FakeRiskContext context = context().instrument(noFreeze);
        assertPasses(check.check(buy(1800), context));
        assertFails(check.check(buy(1825), context), "above the maximum 1800");
        assertFails(check.check(buy(25), context), "below the minimum 50");
    }

    @Test
    void an_unknown_instrument_fails_closed() {
        assertFails(
                check.check(request().buy().quantity(1).build(), context().withoutInstrument(INFY)),
                "unknown instrument NSE:INFY");
    }
}
