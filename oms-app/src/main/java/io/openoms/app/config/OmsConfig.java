package io.openoms.app.config;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.persistence.PersistenceConfig;
import io.openoms.application.engine.AccountSettings;
import io.openoms.application.engine.EngineConfig;
import io.openoms.application.killswitch.KillSwitchConfig;
import io.openoms.application.routing.RoutingConfig;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.value.AccountId;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole configuration, read by {@link ConfigLoader} from {@code oms.yaml} (optional) and the
 * environment. Every value has a default fit for the embedded paper-trading mode: embedded H2 under
 * {@code ./data}, the simulated venue, one {@code PAPER} account and a few NSE instruments.
 *
 * @param dataDir {@code data-dir}, {@code OMS_DATA_DIR}: the embedded database and key files (default {@code ./data})
 * @param orderMonitor {@code order-monitor.*}
 * @param reconciliation {@code reconciliation.*}
 * @param killSwitch {@code kill-switch.*}, bound straight onto the application's {@link KillSwitchConfig}
 * @param signals {@code signals.*}: signals from Redis
 */
public record OmsConfig(
        String dataDir,
        HttpConfig http,
        DatabaseConfig database,
        BrokerConfig broker,
        TradingEngineConfig engine,
        List<AccountConfig> accounts,
        RiskConfig risk,
        List<InstrumentConfig> instruments,
        TradingSessionConfig tradingSession,
        ScheduleConfig schedules,
        SecurityConfig security,
        OrderMonitorConfig orderMonitor,
        ReconciliationLoopConfig reconciliation,
        KillSwitchConfig killSwitch,
        SignalsConfig signals) {

    public static final List<InstrumentConfig> DEFAULT_INSTRUMENTS = List.of(
            InstrumentConfig.equity("NSE:INFY", "1500"),
            InstrumentConfig.equity("NSE:TCS", "3400"),
            InstrumentConfig.equity("NSE:RELIANCE", "1400"),
            InstrumentConfig.equity("NSE:HDFCBANK", "1900"),
            InstrumentConfig.equity("NSE:SBIN", "800"));

    public OmsConfig {
        if (dataDir == null || dataDir.isBlank()) {
            throw new ConfigException("data-dir: is required (a directory; default ./data)");
        }
        requireNonNull(http, "http is null");
        requireNonNull(database, "database is null");
        requireNonNull(broker, "broker is null");
        requireNonNull(engine, "engine is null");
        accounts = List.copyOf(requireNonNull(accounts, "accounts is null"));
        requireNonNull(risk, "risk is null");
        instruments = List.copyOf(requireNonNull(instruments, "instruments is null"));
        requireNonNull(tradingSession, "tradingSession is null");
        requireNonNull(schedules, "schedules is null");
        requireNonNull(security, "security is null");
        requireNonNull(orderMonitor, "orderMonitor is null");
        requireNonNull(reconciliation, "reconciliation is null");
        requireNonNull(killSwitch, "killSwitch is null");
        signals = signals == null ? SignalsConfig.DEFAULT : signals;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            AccountConfig account = accounts.get(i);
            if (!seen.add(account.id())) {
                throw new ConfigException("accounts[" + i + "].id: '" + account.id() + "' is listed twice");
            }
            String brokerName = broker.name();
            if (account.broker().isPresent() && !account.broker().get().equals(brokerName)) {
                throw new ConfigException("accounts[" + i + "].broker: '"
                        + account.broker().get() + "' is not the configured broker; allowed: " + brokerName
                        + " (one broker per deployment)");
            }
        }
        seen.clear();
        for (int i = 0; i < instruments.size(); i++) {
            if (!seen.add(instruments.get(i).instrumentId().toString())) {
                throw new ConfigException(
                        "instruments[" + i + "].id: '" + instruments.get(i).id() + "' is listed twice");
            }
        }
        broker.mockVenue(instruments);
        try {
            risk.defaults().toRiskLimits();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("risk.defaults: " + e.getMessage() + " (the limit's key in kebab case)", e);
        }
    }

    public static OmsConfig defaults() {
        return new OmsConfig(
                "./data",
                HttpConfig.DEFAULT,
                DatabaseConfig.DEFAULT,
                BrokerConfig.DEFAULT,
                TradingEngineConfig.DEFAULT,
                List.of(AccountConfig.PAPER),
                RiskConfig.DEFAULT,
                DEFAULT_INSTRUMENTS,
                TradingSessionConfig.DEFAULT,
                ScheduleConfig.DEFAULT,
                SecurityConfig.DEFAULT,
                OrderMonitorConfig.DEFAULT,
                ReconciliationLoopConfig.DEFAULT,
                KillSwitchConfig.builder().build(),
                SignalsConfig.DEFAULT);
    }

    public Path dataDirectory() {
        return Path.of(dataDir);
    }

    public PersistenceConfig persistence() {
        return database.toPersistenceConfig(dataDirectory(), broker.name());
    }

    public TradingSession session() {
        return tradingSession.toSession();
    }

    public List<Instrument> instrumentDefinitions() {
        TradingSession session = session();
        return instruments.stream().map(i -> i.toInstrument(session)).toList();
    }

    public Map<AccountId, AccountSettings> accountSettings() {
        TradingSession session = session();
        Map<AccountId, AccountSettings> settings = new LinkedHashMap<>();
        accounts.forEach(account -> settings.put(account.accountId(), account.toSettings(session, broker.name())));
        return settings;
    }

    public EngineConfig engineConfig() {
        return engine.toEngineConfig(accountSettings());
    }

    public RoutingConfig routing() {
        Map<AccountId, String> bindings = new LinkedHashMap<>();
        accounts.forEach(
                account -> bindings.put(account.accountId(), account.broker().orElse(broker.name())));
        return new RoutingConfig(bindings);
    }

    public OmsConfig withDataDir(String dir) {
        return new OmsConfig(
                dir,
                http,
                database,
                broker,
                engine,
                accounts,
                risk,
                instruments,
                tradingSession,
                schedules,
                security,
                orderMonitor,
                reconciliation,
                killSwitch,
                signals);
    }

    public OmsConfig withHttp(HttpConfig newHttp) {
        return new OmsConfig(
                dataDir,
                newHttp,
                database,
                broker,
                engine,
                accounts,
                risk,
                instruments,
                tradingSession,
                schedules,
                security,
                orderMonitor,
                reconciliation,
                killSwitch,
                signals);
    }
}
