package io.openoms.application.killswitch;

import static io.openoms.application.testing.EngineHarness.ACCOUNT;
import static io.openoms.application.testing.EngineHarness.BROKER;
import static io.openoms.application.testing.EngineHarness.INFY;
import static io.openoms.application.testing.EngineHarness.T0;
import static io.openoms.application.testing.EngineHarness.brokerPosition;
import static io.openoms.application.testing.EngineHarness.buy;
import static io.openoms.application.testing.EngineHarness.get;
import static io.openoms.application.testing.EngineHarness.viewOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.monitor.MonitorConfig;
import io.openoms.application.monitor.OrderMonitor;
import io.openoms.application.reconciliation.ReconciliationConfig;
import io.openoms.application.reconciliation.ReconciliationService;
import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KillSwitchTriggersTest {
    private EngineHarness h = new EngineHarness();
    private KillSwitchConfig.Builder config = KillSwitchConfig.builder().staleMarketDataEnabled(false);

    @AfterEach
    void stop() {
        h.close();
    }

    private KillSwitchTriggers triggers() {
        return new KillSwitchTriggers(h.engine, h.marketData, h.engineConfig, h.clock, config.build());
    }

    private TradingStateChange state() {
        return h.engine.tradingState(ACCOUNT);
    }

    private void resume() {
        get(h.engine.setTradingState(ACCOUNT, TradingState.ACTIVE, "checked", "admin"));
    }

    /** A long position of 10 INFY bought at 100. */
    private void holdTen() {
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.fill(order, "T1", 10, "100");
    }

    @Test
    void the_daily_loss_limit_halts_with_its_reason_once_per_episode() {
        h.riskLimits.saveLimits(
                ACCOUNT,
                RiskLimits.builder()
                        .dailyLossLimit(50)
                        .enforceMarketHours(false)
                        .checkBuyingPower(false)
                        .build());
        h.start();
        holdTen();
        KillSwitchTriggers triggers = triggers();
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();

        h.marketData.setLastPrice(INFY, Price.of(90));
        List<KillSwitchTrip> trips = triggers.evaluate(h.clock.instant());

        assertThat(trips).singleElement().satisfies(trip -> {
            assertThat(trip.trigger()).isEqualTo(KillSwitchTrigger.DAILY_LOSS);
            assertThat(trip.state()).isEqualTo(TradingState.HALTED);
        });
        assertThat(state().state()).isEqualTo(TradingState.HALTED);
        assertThat(state().changedBy()).isEqualTo("auto:dailyLoss");
        assertThat(state().reason()).contains("-100").contains("daily loss limit of 50");
        assertThat(h.riskLimits.tradingState(ACCOUNT).orElseThrow().state()).isEqualTo(TradingState.HALTED);

        resume(); // an admin resumes: respected while the loss persists
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        assertThat(state().state()).isEqualTo(TradingState.ACTIVE);

        h.marketData.setLastPrice(INFY, Price.of(100)); // recovered: the episode ends
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        h.marketData.setLastPrice(INFY, Price.of(94));
        assertThat(triggers.evaluate(h.clock.instant()))
                .extracting(KillSwitchTrip::trigger)
                .containsExactly(KillSwitchTrigger.DAILY_LOSS);
    }

    @Test
    void a_configured_daily_loss_limit_wins_over_the_accounts() {
        config.dailyLossLimit(Money.of(200));
        h.start();
        holdTen();
        KillSwitchTriggers triggers = triggers();
        h.marketData.setLastPrice(INFY, Price.of(85));
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();

        h.marketData.setLastPrice(INFY, Price.of(80));

        assertThat(triggers.evaluate(h.clock.instant())).hasSize(1);
        assertThat(state().state()).isEqualTo(TradingState.HALTED);
    }

    @Test
    void a_drawdown_from_the_days_peak_reduces() {
        config.drawdownEnabled(true).drawdownLimit(Money.of(50)).drawdownState(TradingState.REDUCING);
        h.start();
        holdTen();
        KillSwitchTriggers triggers = triggers();
        h.marketData.setLastPrice(INFY, Price.of(110));
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();

        h.marketData.setLastPrice(INFY, Price.of(104)); // still up 40 on the day, 60 below the peak

        assertThat(triggers.evaluate(h.clock.instant())).singleElement().satisfies(trip -> assertThat(trip.trigger())
                .isEqualTo(KillSwitchTrigger.DRAWDOWN));
        assertThat(state().state()).isEqualTo(TradingState.REDUCING);
        assertThat(state().changedBy()).isEqualTo("auto:drawdown");
        assertThat(state().reason()).contains("peak of 100").contains("drawdown limit of 50");
    }

    @Test
    void a_trigger_never_downgrades_halted_to_reducing() {
        config.drawdownEnabled(true).drawdownLimit(Money.of(50)).drawdownState(TradingState.REDUCING);
        h.start();
        holdTen();
        get(h.engine.setTradingState(ACCOUNT, TradingState.HALTED, "manual", "admin"));
        KillSwitchTriggers triggers = triggers();
        h.marketData.setLastPrice(INFY, Price.of(110));
        triggers.evaluate(h.clock.instant());
        h.marketData.setLastPrice(INFY, Price.of(90));

        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        assertThat(state().state()).isEqualTo(TradingState.HALTED);
        assertThat(state().changedBy()).isEqualTo("admin");
    }

    @Test
    void the_most_severe_of_several_triggers_wins() {
        config.drawdownEnabled(true)
                .drawdownLimit(Money.of(50))
                .drawdownState(TradingState.REDUCING)
                .dailyLossLimit(Money.of(50));
        h.start();
        holdTen();
        KillSwitchTriggers triggers = triggers();
        h.marketData.setLastPrice(INFY, Price.of(90));

        assertThat(triggers.evaluate(h.clock.instant()))
                .extracting(KillSwitchTrip::trigger)
                .containsExactly(KillSwitchTrigger.DAILY_LOSS);
        assertThat(state().state()).isEqualTo(TradingState.HALTED);
    }

    @Test
    void a_burst_of_broker_rejections_halts() {
        config.rejectionBurstCount(3).rejectionBurstWindow(Duration.ofMinutes(1));
        h.start();
        KillSwitchTriggers triggers = triggers();
        h.publisher.listeners.add(triggers);
        for (int i = 0; i < 2; i++) {
            h.broker.nextPlace(BrokerResult.rejected("margin exceeded"));
            Order order = h.submitAccepted(buy(1, "100").build());
            h.awaitStatus(order.id(), OrderStatus.REJECTED);
        }
        h.clock.advance(Duration.ofMinutes(2)); // those two fall out of the window
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        for (int i = 0; i < 3; i++) {
            h.broker.nextPlace(BrokerResult.rejected("margin exceeded"));
            Order order = h.submitAccepted(buy(1, "100").build());
            h.awaitStatus(order.id(), OrderStatus.REJECTED);
        }

        EngineHarness.await(() -> state().state() == TradingState.HALTED, "the burst trip");
        assertThat(state().changedBy()).isEqualTo("auto:rejectionBurst");
        assertThat(state().reason()).contains("3 broker rejections");
    }

    @Test
    void a_reconciliation_mismatch_halts_until_a_clean_run_ends_the_episode() {
        h.start();
        KillSwitchTriggers triggers = triggers();
        ReconciliationFinding phantom = new ReconciliationFinding(
                "rec-1",
                ACCOUNT,
                FindingKind.PHANTOM_POSITION,
                "position NSE:INFY CNC",
                "net 10",
                "net 0",
                "reported",
                T0);

        triggers.positionsReconciled(ACCOUNT, List.of(phantom));

        EngineHarness.await(() -> state().state() == TradingState.HALTED, "the mismatch trip");
        assertThat(state().reason())
                .contains("PHANTOM_POSITION position NSE:INFY CNC")
                .contains("net 10");
        assertThat(state().changedBy()).isEqualTo("auto:reconciliationMismatch");
        resume();
        triggers.positionsReconciled(ACCOUNT, List.of(phantom, phantom, phantom, phantom));
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        assertThat(state().state()).isEqualTo(TradingState.ACTIVE);

        triggers.positionsReconciled(ACCOUNT, List.of());
        triggers.positionsReconciled(ACCOUNT, List.of(phantom, phantom, phantom, phantom));

        EngineHarness.await(() -> state().state() == TradingState.HALTED, "the second trip");
        assertThat(state().reason()).contains("4 position difference(s)").endsWith("…");
    }

    @Test
    void reconciliation_finding_a_phantom_position_halts_the_account() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.fill(order, "T1", 10, "100");
        h.broker.putBrokerOrder(viewOf(order, 10, 0, OrderStatus.FILLED));
        h.broker.addTrade(h.trade(order.brokerOrderId().orElseThrow(), Side.BUY, "T1", 10, "100"));
        KillSwitchTriggers triggers = triggers();
        ReconciliationService reconciliation = new ReconciliationService(
                h.engine,
                new EngineHarness.SingleBrokerRouter(h.gateway),
                h.rateLimits,
                h.reconciliationLog,
                h.publisher,
                triggers,
                h.clock,
                ReconciliationConfig.builder().build(),
                h.engineConfig);

        get(reconciliation.runNow());
        EngineHarness.await(() -> state().state() == TradingState.HALTED, "the mismatch trip");

        h.broker.addPosition(brokerPosition(INFY, 10));
        get(reconciliation.runNow());
        resume();
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
    }

    @Test
    void a_lost_broker_session_halts_every_account_at_that_broker() {
        h.start();
        KillSwitchTriggers triggers = triggers();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        OrderMonitor monitor = new OrderMonitor(
                h.engine,
                new EngineHarness.SingleBrokerRouter(h.gateway),
                h.rateLimits,
                triggers,
                h.clock,
                MonitorConfig.builder().build(),
                ReconciliationConfig.builder().build());
        h.gateway.failQueries(BrokerResult.sessionExpired("token expired"));

        monitor.runOnce();

        EngineHarness.await(() -> state().state() == TradingState.HALTED, "the session trip");
        assertThat(state().reason()).contains("broker " + BROKER).contains("token expired");
        assertThat(state().changedBy()).isEqualTo("auto:sessionLost");
        resume();
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();

        h.gateway.healQueries();
        monitor.runOnce(); // the session works again: the episode ends
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        triggers.sessionLost("other-broker", "not ours");
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
        triggers.sessionLost(BROKER, "revoked");
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty(); // the callback already tripped it
        EngineHarness.await(() -> state().state() == TradingState.HALTED, "the second session trip");
    }

    @Test
    void stale_market_data_for_a_held_instrument_reduces_while_the_market_is_open() {
        config.staleMarketDataEnabled(true).staleMarketDataAfter(Duration.ofMinutes(5));
        h.start();
        holdTen();
        KillSwitchTriggers triggers = triggers();
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        h.clock.advance(Duration.ofMinutes(3));
        h.marketData.setLastPrice(INFY, Price.of(101));
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        h.clock.advance(Duration.ofMinutes(4));
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();

        h.clock.advance(Duration.ofMinutes(1));
        List<KillSwitchTrip> trips = triggers.evaluate(h.clock.instant());

        assertThat(trips).singleElement().satisfies(trip -> {
            assertThat(trip.trigger()).isEqualTo(KillSwitchTrigger.STALE_MARKET_DATA);
            assertThat(trip.state()).isEqualTo(TradingState.REDUCING);
            assertThat(trip.reason()).contains("NSE:INFY").contains("101");
        });
        assertThat(state().state()).isEqualTo(TradingState.REDUCING);
    }

    @Test
    void market_data_is_not_stale_while_the_market_is_closed() {
        config.staleMarketDataEnabled(true).staleMarketDataAfter(Duration.ofMinutes(5));
        h.start();
        holdTen();
        KillSwitchTriggers triggers = triggers();
        triggers.evaluate(h.clock.instant());

        h.clock.set(Instant.parse("2024-03-04T16:00:00Z")); // 21:30 in Mumbai
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        h.clock.set(Instant.parse("2024-03-05T03:46:00Z")); // a minute after the next open
        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        h.clock.set(Instant.parse("2024-03-05T03:50:00Z"));

        assertThat(triggers.evaluate(h.clock.instant())).hasSize(1);
    }

    @Test
    void a_disabled_trigger_never_trips() {
        config.sessionLostEnabled(false).reconciliationMismatchEnabled(false);
        h.start();
        KillSwitchTriggers triggers = triggers();

        triggers.sessionLost(BROKER, "token expired");
        triggers.positionsReconciled(
                ACCOUNT,
                List.of(new ReconciliationFinding(
                        "rec-1", ACCOUNT, FindingKind.UNKNOWN_POSITION, "position", "net 0", "net 1", "reported", T0)));

        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        assertThat(state().state()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void the_tripped_state_survives_a_restart_and_only_an_admin_resumes() {
        h.start();
        KillSwitchTriggers triggers = triggers();
        triggers.sessionLost(BROKER, "token expired");
        EngineHarness.await(() -> state().state() == TradingState.HALTED, "the session trip");

        h = h.restart();
        triggers = triggers();
        triggers.sessionRestored(BROKER);

        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
        assertThat(state().state()).isEqualTo(TradingState.HALTED);
        assertThat(state().changedBy()).isEqualTo("auto:sessionLost");
    }

    @Test
    void a_stopped_engine_makes_no_trip_and_no_exception() {
        h.start();
        KillSwitchTriggers triggers = triggers();
        h.engine.stop();

        triggers.sessionLost(BROKER, "token expired");

        assertThat(triggers.evaluate(h.clock.instant())).isEmpty();
    }
}
