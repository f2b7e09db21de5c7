package io.openoms.domain.fees;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of Zerodha's charges, computed by hand (docs/india.md shows the same sums):
 * each line is its rate times the turnover, rounded to the paisa half-up; GST is 18% of the
 * rounded brokerage, exchange and SEBI lines.
 */
class ZerodhaChargesTest {
    private static final LocalDate DEC_2026 = LocalDate.of(2026, 12, 7);
    private final FeeModel zerodha = ZerodhaCharges.model();

    @Test
    void delivery_buy_pays_stt_stamp_duty_and_no_brokerage() {
        // 100 × 1500 = 150,000: STT 0.1% 150.00; exchange 0.00297% 4.455 → 4.46; SEBI 0.15;
        // stamp 0.015% 22.50; GST 18% × (0 + 4.46 + 0.15) = 0.8298 → 0.83.
        FillCharges charges = zerodha.charges(fill(ChargeSegment.EQUITY_DELIVERY, "NSE", Side.BUY, 100, "1500.00"));

        assertLines(charges, "0", "150.00", "4.46", "0.15", "22.50", "0.83");
        assertThat(charges.total()).isEqualTo(Money.of("177.94"));
    }

    @Test
    void delivery_sell_pays_stt_but_no_stamp_duty() {
        // 100 × 1510 = 151,000: STT 151.00; exchange 4.4847 → 4.48; SEBI 0.151 → 0.15; GST 18% × 4.63 → 0.83.
        FillCharges charges = zerodha.charges(fill(ChargeSegment.EQUITY_DELIVERY, "NSE", Side.SELL, 100, "1510.00"));

        assertLines(charges, "0", "151.00", "4.48", "0.15", "0", "0.83");
        assertThat(charges.total()).isEqualTo(Money.of("156.46"));
    }

    @Test
    void intraday_brokerage_is_capped_at_twenty_rupees_per_order() {
        // 100 × 1500 = 150,000: brokerage min(0.03% = 45.00, 20) = 20; no STT on a buy; exchange 4.46;
        // SEBI 0.15; stamp 0.003% 4.50; GST 18% × (20 + 4.46 + 0.15) = 4.4298 → 4.43.
        FillCharges buy = zerodha.charges(fill(ChargeSegment.EQUITY_INTRADAY, "NSE", Side.BUY, 100, "1500.00"));
        assertLines(buy, "20", "0", "4.46", "0.15", "4.50", "4.43");
        assertThat(buy.total()).isEqualTo(Money.of("33.54"));

        // 100 × 1510 = 151,000: brokerage 20; STT 0.025% on the sell 37.75; exchange 4.48; SEBI 0.15;
        // GST 18% × 24.63 = 4.4334 → 4.43.
        FillCharges sell = zerodha.charges(fill(ChargeSegment.EQUITY_INTRADAY, "NSE", Side.SELL, 100, "1510.00"));
        assertLines(sell, "20", "37.75", "4.48", "0.15", "0", "4.43");
        assertThat(sell.total()).isEqualTo(Money.of("66.81"));
    }

    @Test
    void intraday_brokerage_below_the_cap_is_the_percentage() {
        // 10 × 500 = 5,000: brokerage 0.03% 1.50; exchange 0.1485 → 0.15; SEBI 0.005 → 0.01 (half-up);
        // stamp 0.15; GST 18% × 1.66 = 0.2988 → 0.30.
        FillCharges charges = zerodha.charges(fill(ChargeSegment.EQUITY_INTRADAY, "NSE", Side.BUY, 10, "500.00"));

        assertLines(charges, "1.50", "0", "0.15", "0.01", "0.15", "0.30");
        assertThat(charges.total()).isEqualTo(Money.of("2.11"));
    }

    @Test
    void an_order_filled_in_parts_pays_the_brokerage_cap_once() {
        // 40 × 1500 = 60,000 → 18.00 (under the cap); then the order's 150,000 → capped at 20: 2.00 more.
        FillCharges first = zerodha.charges(new ChargeableFill(
                ChargeSegment.EQUITY_INTRADAY,
                "NSE",
                Side.BUY,
                Quantity.of(40),
                Price.of("1500.00"),
                DEC_2026,
                Money.ZERO,
                Money.ZERO));
        FillCharges second = zerodha.charges(new ChargeableFill(
                ChargeSegment.EQUITY_INTRADAY,
                "NSE",
                Side.BUY,
                Quantity.of(60),
                Price.of("1500.00"),
                DEC_2026,
                Money.of("60000.00"),
                first.amount(Charge.BROKERAGE)));

        assertThat(first.amount(Charge.BROKERAGE)).isEqualTo(Money.of("18.00"));
        assertThat(second.amount(Charge.BROKERAGE)).isEqualTo(Money.of("2.00"));
    }

    @Test
    void futures_sell_pays_the_stt_of_its_trading_day() {
        // NIFTY future, 75 × 24100 = 1,807,500: brokerage 20; exchange 0.00173% 31.26975 → 31.27;
        // SEBI 1.8075 → 1.81; GST 18% × 53.08 = 9.5544 → 9.55. STT 0.05% = 903.75 from 2026-04-01,
        // 0.02% = 361.50 the day before.
        FillCharges after = zerodha.charges(fill(ChargeSegment.FUTURES, "NFO", Side.SELL, 75, "24100.00"));
        assertLines(after, "20", "903.75", "31.27", "1.81", "0", "9.55");
        assertThat(after.total()).isEqualTo(Money.of("966.38"));

        FillCharges before = zerodha.charges(new ChargeableFill(
                ChargeSegment.FUTURES,
                "NFO",
                Side.SELL,
                Quantity.of(75),
                Price.of("24100.00"),
                LocalDate.of(2026, 3, 31),
                Money.ZERO,
                Money.ZERO));
        assertThat(before.amount(Charge.STT)).isEqualTo(Money.of("361.50"));
        assertThat(before.total()).isEqualTo(Money.of("424.13"));
    }

    @Test
    void futures_buy_pays_stamp_duty() {
        // 75 × 24000 = 1,800,000: brokerage 20; exchange 31.14; SEBI 1.80; stamp 0.002% 36.00;
        // GST 18% × 52.94 = 9.5292 → 9.53.
        FillCharges charges = zerodha.charges(fill(ChargeSegment.FUTURES, "NFO", Side.BUY, 75, "24000.00"));

        assertLines(charges, "20", "0", "31.14", "1.80", "36.00", "9.53");
        assertThat(charges.total()).isEqualTo(Money.of("98.47"));
    }

    @Test
    void options_pay_flat_brokerage_once_per_order_and_stt_on_the_premium_sold() {
        // 75 × 120.50 premium = 9,037.50: brokerage flat 20; STT 0.15% 13.55625 → 13.56;
        // exchange 0.03503% 3.1658 → 3.17; SEBI 0.009 → 0.01; GST 18% × 23.18 = 4.1724 → 4.17.
        FillCharges sell = zerodha.charges(fill(ChargeSegment.OPTIONS, "NFO", Side.SELL, 75, "120.50"));
        assertLines(sell, "20", "13.56", "3.17", "0.01", "0", "4.17");
        assertThat(sell.total()).isEqualTo(Money.of("40.91"));

        FillCharges laterFill = zerodha.charges(new ChargeableFill(
                ChargeSegment.OPTIONS,
                "NFO",
                Side.SELL,
                Quantity.of(75),
                Price.of("120.50"),
                DEC_2026,
                Money.of("9037.50"),
                Money.of(20)));
        assertThat(laterFill.amount(Charge.BROKERAGE)).isEqualTo(Money.ZERO);
    }

    @Test
    void bse_equity_has_its_own_exchange_rate() {
        // 150,000 × 0.00375% = 5.625 → 5.63.
        FillCharges charges = zerodha.charges(fill(ChargeSegment.EQUITY_DELIVERY, "BSE", Side.BUY, 100, "1500.00"));

        assertThat(charges.amount(Charge.EXCHANGE_TRANSACTION)).isEqualTo(Money.of("5.63"));
    }

    @Test
    void a_fill_before_the_first_table_is_not_charged() {
        FillCharges charges = zerodha.charges(new ChargeableFill(
                ChargeSegment.EQUITY_DELIVERY,
                "NSE",
                Side.BUY,
                Quantity.of(1),
                Price.of("100"),
                LocalDate.of(2020, 1, 1),
                Money.ZERO,
                Money.ZERO));

        assertThat(charges).isEqualTo(FillCharges.NONE);
        assertThat(charges.total()).isEqualTo(Money.ZERO);
    }

    @Test
    void segments_follow_product_and_symbol() {
        assertThat(ChargeSegment.of(InstrumentId.parse("NSE:INFY"), Product.CNC))
                .isEqualTo(ChargeSegment.EQUITY_DELIVERY);
        assertThat(ChargeSegment.of(InstrumentId.parse("NSE:INFY"), Product.MIS))
                .isEqualTo(ChargeSegment.EQUITY_INTRADAY);
        assertThat(ChargeSegment.of(InstrumentId.parse("NFO:NIFTY26DECFUT"), Product.NRML))
                .isEqualTo(ChargeSegment.FUTURES);
        assertThat(ChargeSegment.of(InstrumentId.parse("NFO:NIFTY26DEC24000CE"), Product.NRML))
                .isEqualTo(ChargeSegment.OPTIONS);
        assertThat(ChargeSegment.of(InstrumentId.parse("BFO:SENSEX26DEC80000PE"), Product.MIS))
                .isEqualTo(ChargeSegment.OPTIONS);
    }

    private static ChargeableFill fill(ChargeSegment segment, String exchange, Side side, long quantity, String price) {
        return new ChargeableFill(
                segment, exchange, side, Quantity.of(quantity), Price.of(price), DEC_2026, Money.ZERO, Money.ZERO);
    }

    private static void assertLines(
            FillCharges charges, String brokerage, String stt, String exchange, String sebi, String stamp, String gst) {
        Map<Charge, Money> expected = new EnumMap<>(Charge.class);
        expected.put(Charge.BROKERAGE, Money.of(brokerage));
        expected.put(Charge.STT, Money.of(stt));
        expected.put(Charge.EXCHANGE_TRANSACTION, Money.of(exchange));
        expected.put(Charge.SEBI_TURNOVER, Money.of(sebi));
        expected.put(Charge.STAMP_DUTY, Money.of(stamp));
        expected.put(Charge.GST, Money.of(gst));
        assertThat(charges.lines()).isEqualTo(expected);
    }
}
