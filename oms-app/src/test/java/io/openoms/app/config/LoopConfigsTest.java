package io.openoms.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.application.killswitch.KillSwitchConfig;
import io.openoms.application.killswitch.KillSwitchTrigger;
import io.openoms.application.monitor.MonitorConfig;
import io.openoms.application.reconciliation.ReconciliationConfig;
import io.openoms.application.reconciliation.ReconciliationPolicy;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order-monitor, reconciliation and kill-switch sections: defaults, every key, refusals. */
class LoopConfigsTest {
    private static final ConfigLoader NO_ENVIRONMENT = new ConfigLoader(Map.of());

    @Test
    void the_defaults_are_the_applications_defaults_with_the_scheduled_intervals() {
        OmsConfig config = NO_ENVIRONMENT.parse("", "defaults");

        MonitorConfig monitor =
                config.orderMonitor().toMonitorConfig(config.schedules().orderMonitor());
        ReconciliationConfig reconciliation = config.reconciliation()
                .toReconciliationConfig(config.schedules().reconciliation());
        KillSwitchConfig killSwitch = config.killSwitch();

        assertThat(monitor)
                .isEqualTo(
                        MonitorConfig.builder().interval(Duration.ofSeconds(1)).build());
        assertThat(reconciliation)
                .isEqualTo(ReconciliationConfig.builder()
                        .interval(Duration.ofSeconds(30))
                        .build());
        assertThat(killSwitch).isEqualTo(KillSwitchConfig.builder().build());
    }

    @Test
    void every_key_is_read() {
        String yaml =
                """
                schedules: {order-monitor: 500ms, reconciliation: 10s}
                order-monitor:
                  query-permit-wait: 50ms
                  unconfirmed-after: 3s
                  unknown-grace-window: 1m
                  unknown-misses-before-error: 5
                  engine-timeout: 20s
                reconciliation:
                  run-at-startup: false
                  default-policy: propose
                  account-policies: {PAPER: alert_only}
                  query-permit-wait: 1s
                  engine-timeout: 15s
                kill-switch:
                  daily-loss-enabled: false
                  daily-loss-limit: 25000.50
                  daily-loss-state: reducing
                  drawdown-enabled: true
                  drawdown-limit: 10000
                  drawdown-state: halted
                  rejection-burst-enabled: false
                  rejection-burst-count: 9
                  rejection-burst-window: 2m
                  rejection-burst-state: reducing
                  reconciliation-mismatch-enabled: false
                  reconciliation-mismatch-state: reducing
                  session-lost-enabled: false
                  session-lost-state: reducing
                  stale-market-data-enabled: false
                  stale-market-data-after: 10m
                  stale-market-data-state: halted
                  state-change-timeout: 7s
                """;
        OmsConfig config = NO_ENVIRONMENT.parse(yaml, "oms.yaml");

        MonitorConfig monitor =
                config.orderMonitor().toMonitorConfig(config.schedules().orderMonitor());
        ReconciliationConfig reconciliation = config.reconciliation()
                .toReconciliationConfig(config.schedules().reconciliation());
        KillSwitchConfig killSwitch = config.killSwitch();

        assertThat(monitor)
                .isEqualTo(new MonitorConfig(
                        Duration.ofMillis(500),
                        Duration.ofMillis(50),
                        Duration.ofSeconds(3),
                        Duration.ofMinutes(1),
                        5,
                        Duration.ofSeconds(20)));
        assertThat(reconciliation)
                .isEqualTo(new ReconciliationConfig(
                        Duration.ofSeconds(10),
                        false,
                        ReconciliationPolicy.PROPOSE,
                        Map.of(AccountId.of("PAPER"), ReconciliationPolicy.ALERT_ONLY),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(15)));
        assertThat(killSwitch)
                .isEqualTo(new KillSwitchConfig(
                        false,
                        Optional.of(Money.of("25000.50")),
                        TradingState.REDUCING,
                        true,
                        Optional.of(Money.of(10000)),
                        TradingState.HALTED,
                        false,
                        9,
                        Duration.ofMinutes(2),
                        TradingState.REDUCING,
                        false,
                        TradingState.REDUCING,
                        false,
                        TradingState.REDUCING,
                        false,
                        Duration.ofMinutes(10),
                        TradingState.HALTED,
                        Duration.ofSeconds(7)));
        assertThat(killSwitch.enabled(KillSwitchTrigger.DRAWDOWN)).isTrue();
    }

    @Test
    void unknown_keys_and_invalid_values_are_refused_naming_the_key() {
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("order-monitor: {interval: 1s}", "oms.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'order-monitor.interval'");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("kill-switch: {daily-loss: 1}", "oms.yaml"))
                .hasMessageContaining("unknown key 'kill-switch.daily-loss'");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("kill-switch: {session-lost-state: active}", "oms.yaml"))
                .hasMessageContaining("kill-switch.session-lost-state: must be reducing or halted");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("kill-switch: {drawdown-enabled: true}", "oms.yaml"))
                .hasMessageContaining("kill-switch.drawdown-limit: is required");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("kill-switch: {daily-loss-limit: -5}", "oms.yaml"))
                .hasMessageContaining("kill-switch.daily-loss-limit: must be a positive amount");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("kill-switch: {daily-loss-limit: lots}", "oms.yaml"))
                .hasMessageContaining("kill-switch.daily-loss-limit")
                .hasMessageContaining("'lots' is not an amount");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("kill-switch: {rejection-burst-window: 0s}", "oms.yaml"))
                .hasMessageContaining("kill-switch.rejection-burst-window: must be between 1s and 24h, got 0s");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("reconciliation: {default-policy: fix}", "oms.yaml"))
                .hasMessageContaining("reconciliation.default-policy")
                .hasMessageContaining("trust_broker");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("order-monitor: {unknown-misses-before-error: 0}", "oms.yaml"))
                .hasMessageContaining("order-monitor.unknown-misses-before-error: must be between 1 and 1000");
    }

    @Test
    void the_manual_venue_has_no_stale_price_trigger_because_its_reference_prices_never_move() {
        KillSwitchConfig defaults = OmsConfig.defaults().killSwitch();

        assertThat(defaults.enabled(KillSwitchTrigger.STALE_MARKET_DATA)).isTrue();
        assertThat(defaults.withoutStaleMarketData().enabled(KillSwitchTrigger.STALE_MARKET_DATA))
                .isFalse();
        assertThat(defaults.withoutStaleMarketData().enabled(KillSwitchTrigger.DAILY_LOSS))
                .isTrue();
    }
}
