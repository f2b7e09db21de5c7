package io.openoms.app.demo;

import io.openoms.app.config.AlpacaBrokerConfig;
import io.openoms.app.config.BrokerConfig;
import io.openoms.app.config.BrokerType;
import io.openoms.app.config.HttpConfig;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.ScheduleConfig;
import io.openoms.app.config.SecurityConfig;
import io.openoms.app.config.ZerodhaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The demo's own configuration: the built-in defaults (the {@code PAPER} account, its paper-trading
 * risk limits, the default NSE instruments, the embedded database) in a directory of its own, never
 * {@code oms.yaml} or {@code OMS_*} variables, so the demo cannot touch a real database or broker.
 * The simulated venue is made deterministic: a fixed seed, no random walk (prices move only when the
 * script sets them), no slippage, a fee of {@value #FEE_BASIS_POINTS} basis points per fill, and at most {@value #LIQUIDITY_PER_ROUND} filled per order and
 * matching round, which is how a larger order fills in part. The venue's own tick, which would run a
 * matching round at a moment the script does not choose, is put off to its longest interval.
 */
final class DemoSettings {
    static final long SEED = 42;
    static final int LIQUIDITY_PER_ROUND = 50;
    static final String FEE_BASIS_POINTS = "3";

    private DemoSettings() {}

    /** The simulated venue's keys under {@code broker.mock}. */
    static Map<String, String> venue() {
        return Map.of(
                "seed",
                Long.toString(SEED),
                "volatility-ticks",
                "0",
                "slippage-ticks",
                "0",
                "liquidity-per-step",
                Integer.toString(LIQUIDITY_PER_ROUND),
                "fees.basis-points",
                FEE_BASIS_POINTS);
    }

    /** The configuration on {@code directory}, with the venue configured by {@code venue} (see {@link #venue()}). */
    static OmsConfig config(Path directory, Map<String, String> venue) {
        return config(
                directory,
                venue,
                OmsConfig.defaults().http(),
                OmsConfig.defaults().security());
    }

    /** As {@link #config(Path, Map)}, serving HTTP on {@code http} with the admin key of {@code security}. */
    static OmsConfig config(Path directory, Map<String, String> venue, HttpConfig http, SecurityConfig security) {
        OmsConfig defaults = OmsConfig.defaults();
        BrokerConfig broker =
                new BrokerConfig(BrokerType.MOCK, venue, ZerodhaConfig.DEFAULT, AlpacaBrokerConfig.DEFAULT);
        ScheduleConfig schedules = new ScheduleConfig(
                Duration.ofHours(1),
                defaults.schedules().engineTimer(),
                defaults.schedules().orderMonitor(),
                defaults.schedules().reconciliation());
        return new OmsConfig(
                directory.toString(),
                http,
                defaults.database(),
                broker,
                defaults.engine(),
                defaults.accounts(),
                defaults.risk(),
                defaults.instruments(),
                defaults.tradingSession(),
                schedules,
                security,
                defaults.orderMonitor(),
                defaults.reconciliation(),
                defaults.killSwitch(),
                defaults.signals());
    }
}
