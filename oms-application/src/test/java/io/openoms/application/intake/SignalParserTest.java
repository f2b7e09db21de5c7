package io.openoms.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalParserTest {
    private static final AccountId PAPER = AccountId.of("PAPER");
    private final SignalParser parser =
            new SignalParser(List.of(PAPER), List.of(InstrumentId.parse("NSE:INFY"), InstrumentId.parse("NSE:TCS")));

    @Test
    void the_seed_signal_is_a_market_order_for_the_only_account_and_strategy_signal() {
        ParsedSignal parsed = parser.parse(
                Map.of("symbol", "INFY", "side", "BUY", "qty", new BigDecimal("5"), "reason", "RSI crossed 30"));

        ParsedSignal.Valid valid = (ParsedSignal.Valid) parsed;
        OrderRequest request = valid.order().request();
        assertThat(request.instrument()).isEqualTo(InstrumentId.parse("NSE:INFY"));
        assertThat(request.side()).isEqualTo(Side.BUY);
        assertThat(request.type()).isEqualTo(OrderType.MARKET);
        assertThat(request.quantity().value()).isEqualByComparingTo("5");
        assertThat(request.account()).isEqualTo(PAPER);
        assertThat(request.strategy()).isEqualTo(StrategyId.of("signal"));
        assertThat(request.tag()).contains("sig-RSI-crossed-30");
        assertThat(valid.order().clientOrderId()).isEmpty();
        assertThat(valid.reason()).isEqualTo("RSI crossed 30");
    }

    @Test
    void the_optional_fields_give_the_id_account_strategy_and_a_limit_price() {
        ParsedSignal parsed = parser.parse(Map.of(
                "id", "tv-1",
                "symbol", "NSE:TCS",
                "side", "SELL",
                "qty", "2",
                "reason", "x",
                "account", "PAPER",
                "strategy", "momentum",
                "type", "LIMIT",
                "price", "3400.50"));

        ParsedSignal.Valid valid = (ParsedSignal.Valid) parsed;
        assertThat(valid.order().clientOrderId()).contains(ClientOrderId.of("tv-1"));
        assertThat(valid.order().request().strategy()).isEqualTo(StrategyId.of("momentum"));
        assertThat(valid.order().request().limitPrice().orElseThrow().value()).isEqualByComparingTo("3400.50");
    }

    @Test
    void every_problem_is_named_at_once() {
        Map<String, Object> signal = new HashMap<>();
        signal.put("symbol", "XYZ");
        signal.put("side", "buy");
        signal.put("qty", "1e3");
        signal.put("extra", 1);

        ParsedSignal.Invalid invalid = (ParsedSignal.Invalid) parser.parse(signal);

        assertThat(invalid.problems()).containsOnlyKeys("symbol", "side", "qty", "reason", "extra");
        assertThat(invalid.problems().get("side"))
                .contains("'buy' is not allowed; allowed, exactly as written: BUY, SELL");
        assertThat(invalid.summary()).startsWith("extra: unknown field");
    }

    @Test
    void a_limit_without_a_price_and_a_market_with_one_are_refused() {
        assertThat(parser.parse(Map.of("symbol", "INFY", "side", "BUY", "qty", 1, "reason", "r", "type", "LIMIT")))
                .isInstanceOfSatisfying(ParsedSignal.Invalid.class, invalid -> assertThat(invalid.problems())
                        .containsKey("price"));
        assertThat(parser.parse(Map.of("symbol", "INFY", "side", "BUY", "qty", 1, "reason", "r", "price", "10")))
                .isInstanceOfSatisfying(ParsedSignal.Invalid.class, invalid -> assertThat(invalid.problems())
                        .containsKey("price"));
        assertThat(parser.parse(Map.of("symbol", "INFY", "side", "BUY", "qty", 1, "reason", "r", "type", "STOP")))
                .isInstanceOfSatisfying(ParsedSignal.Invalid.class, invalid -> assertThat(invalid.problems())
                        .containsKey("type"));
    }

    @Test
    void a_strategy_bound_signal_refuses_another_strategy() {
        Map<String, Object> signal =
                Map.of("symbol", "INFY", "side", "BUY", "qty", 1, "reason", "r", "strategy", "other");

        assertThat(parser.parse(signal, Optional.of(StrategyId.of("mine"))))
                .isInstanceOfSatisfying(ParsedSignal.Invalid.class, invalid -> assertThat(invalid.problems())
                        .containsKey("strategy"));
        ParsedSignal.Valid valid = (ParsedSignal.Valid) parser.parse(
                Map.of("symbol", "INFY", "side", "BUY", "qty", 1, "reason", "r"), Optional.of(StrategyId.of("mine")));
        assertThat(valid.order().request().strategy()).isEqualTo(StrategyId.of("mine"));
    }

    @Test
    void an_unknown_account_and_two_different_ids_are_refused() {
        ParsedSignal.Invalid invalid = (ParsedSignal.Invalid) parser.parse(Map.of(
                "symbol",
                "INFY",
                "side",
                "BUY",
                "qty",
                1,
                "reason",
                "r",
                "account",
                "LIVE",
                "id",
                "a",
                "clientOrderId",
                "b"));

        assertThat(invalid.problems().get("account")).contains("no account LIVE is configured");
        assertThat(invalid.problems()).containsKey("id");
    }
}
