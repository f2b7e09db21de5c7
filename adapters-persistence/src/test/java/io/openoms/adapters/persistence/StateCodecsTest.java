package io.openoms.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.position.Lot;
import io.openoms.domain.risk.InstrumentRiskLimits;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateCodecsTest {
    @Test
    void risk_limits_round_trip_with_every_limit_and_overrides() {
        RiskLimits limits = RiskLimits.builder()
                .maxOrderQuantity(Quantity.of("100.5"))
                .maxOrderNotional(Money.of("1000000.01"))
                .maxPositionQuantity(1000)
                .maxPositionValue(2_000_000)
                .priceBandPercent("2.50")
                .maxRiskPerTradePercent("1")
                .minRewardToRisk("1.5")
                .enforceMarketHours(false)
                .maxOpenPositions(5)
                .maxOpenOrders(0)
                .maxGrossExposure(5_000_000)
                .dailyLossLimit(50_000)
                .dailyLossLimitPercent("3")
                .maxDirectionalSkew(800000)
                .checkBuyingPower(false)
                .instrumentOverride(
                        InstrumentId.parse("NSE:INFY"),
                        InstrumentRiskLimits.builder().maxOrderQuantity(10).build())
                .instrumentOverride(
                        InstrumentId.parse("NFO:NIFTY25JANFUT"),
                        InstrumentRiskLimits.builder()
                                .enforceMarketHours(true)
                                .priceBandPercent("0.5")
                                .build())
                .build();

        assertThat(RiskLimitsCodec.decode(RiskLimitsCodec.encode(limits))).isEqualTo(limits);
        assertThat(RiskLimitsCodec.decode(RiskLimitsCodec.encode(RiskLimits.defaults())))
                .isEqualTo(RiskLimits.defaults());
        assertThat(RiskLimitsCodec.encode(limits)).contains("\"priceBandPercent\":\"2.50\"");
    }

    @Test
    void lots_and_trade_ids_round_trip_exactly() {
        List<Lot> lots = List.of(
                new Lot(
                        Quantity.of("3.25"),
                        Price.of("100.000001"),
                        Instant.parse("2025-01-06T04:00:00.000000001Z"),
                        TradeId.of("T1")),
                new Lot(Quantity.of(7), Price.of("99"), Instant.parse("2025-01-06T04:00:01Z"), TradeId.of("T2")));
        assertThat(PositionCodec.decodeLots(PositionCodec.encodeLots(lots))).isEqualTo(lots);
        assertThat(PositionCodec.decodeLots(PositionCodec.encodeLots(List.of())))
                .isEmpty();
        List<TradeId> ids = List.of(TradeId.of("T2"), TradeId.of("T1"));
        assertThat(PositionCodec.decodeTradeIds(PositionCodec.encodeTradeIds(ids)))
                .isEqualTo(ids);
    }

    @Test
    void trading_sessions_round_trip() {
        TradingSession session = new TradingSession(
                ZoneId.of("America/New_York"),
                LocalTime.of(9, 30),
                LocalTime.of(16, 0),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                Set.of(LocalDate.of(2025, 7, 4), LocalDate.of(2025, 12, 25)));
        assertThat(TradingSessionCodec.decode(TradingSessionCodec.encode(session)))
                .isEqualTo(session);
        assertThat(TradingSessionCodec.decode(TradingSessionCodec.encode(TradingSession.indianEquities(Set.of()))))
                .isEqualTo(TradingSession.indianEquities(Set.of()));
    }
}
