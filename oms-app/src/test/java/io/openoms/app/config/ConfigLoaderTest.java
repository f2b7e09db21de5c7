package io.openoms.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.application.engine.UnknownOutcomePolicy;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final ConfigLoader NO_ENVIRONMENT = new ConfigLoader(Map.of());

    @Test
    void without_file_or_environment_every_setting_has_its_embedded_paper_trading_default() {
        OmsConfig config = NO_ENVIRONMENT.load(Optional.empty());

        assertThat(config).isEqualTo(OmsConfig.defaults());
        assertThat(config.dataDir()).isEqualTo("./data");
        assertThat(config.http()).isEqualTo(new HttpConfig("127.0.0.1", 8080));
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.database().migrateOnStart()).isTrue();
        assertThat(config.persistence().effectiveJdbcUrl()).startsWith("jdbc:h2:file:");
        assertThat(config.persistence().user()).isEqualTo("sa");
        assertThat(config.broker().type()).isEqualTo(BrokerType.MOCK);
        assertThat(config.broker().name()).isEqualTo("mock");
        assertThat(config.accounts()).extracting(AccountConfig::id).containsExactly("PAPER");
        assertThat(config.routing().accountBrokers().values()).containsExactly("mock");
        assertThat(config.instruments())
                .extracting(InstrumentConfig::id)
                .contains("NSE:INFY", "NSE:TCS", "NSE:RELIANCE");
        assertThat(config.broker().mockVenue(config.instruments()).initialPrices())
                .containsEntry(InstrumentId.parse("NSE:INFY"), Price.of(1500));
        assertThat(config.risk().defaults().toRiskLimits().enforceMarketHours()).isFalse();
        assertThat(config.schedules())
                .isEqualTo(new ScheduleConfig(
                        Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30)));
        assertThat(config.security().adminApiKey().isSet()).isFalse();
        assertThat(config.engine().terminalOrderRetention()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void every_key_of_the_file_is_read() {
        String yaml =
                """
                data-dir: /var/lib/oms
                http: {host: 0.0.0.0, port: 9090}
                database:
                  url: jdbc:postgresql://db:5432/oms
                  user: oms
                  password: s3cret-db
                  pool-size: 16
                  connection-timeout: 2s
                  journal-batch-size: 1024
                  journal-max-wait: 5ms
                  migrate-on-start: false
                broker:
                  type: mock
                  mock:
                    name: sim
                    seed: 7
                    fees: {basis-points: 2.5}
                    faults: {reject-probability: 0.01}
                  zerodha:
                    api-key: kite-key
                    api-secret: kite-secret
                    access-token: kite-token
                    api-url: https://kite.example
                    ws-url: wss://ws.example
                engine:
                  queue-capacity: 1000
                  max-commands-per-batch: 64
                  broker-dispatch-threads: 2
                  rate-limit-max-wait: 500ms
                  stop-timeout: 30s
                  unknown-outcome-policy: hold
                  terminal-order-retention: 90s
                accounts:
                  - {id: A1, capital: 500000, buying-power: 250000.50, accounting-method: fifo}
                  - {id: A2, broker: sim, capital: 100, buying-power: 100}
                risk:
                  defaults:
                    max-order-quantity: 500
                    max-order-notional: 100000
                    max-position-quantity: 1000
                    max-position-value: 200000
                    price-band-percent: 5
                    max-risk-per-trade-percent: 2
                    min-reward-to-risk: 1.5
                    enforce-market-hours: true
                    max-open-positions: 10
                    max-open-orders: 20
                    max-gross-exposure: 1000000
                    daily-loss-limit: 20000
                    daily-loss-limit-percent: 3
                    max-directional-skew: 500000
                    check-buying-power: false
                instruments:
                  - {id: "NSE:INFY", tick-size: 0.05, lot-size: 1, price: 1512.35}
                  - {id: "NFO:NIFTY25JANFUT", tick-size: 0.1, lot-size: 75, max-quantity: 1800, freeze-quantity: 1800, currency: INR}
                trading-session:
                  zone: Asia/Kolkata
                  open: "09:00"
                  close: "15:30"
                  days: [monday, tuesday]
                  holidays: [2025-10-02]
                schedules:
                  venue-tick: 100ms
                  engine-timer: 2s
                  order-monitor: 500ms
                  reconciliation: 1m
                security:
                  admin-api-key: admin-key-0123456789
                """;

        OmsConfig config = NO_ENVIRONMENT.parse(yaml, "oms.yaml");

        assertThat(config.dataDir()).isEqualTo("/var/lib/oms");
        assertThat(config.http()).isEqualTo(new HttpConfig("0.0.0.0", 9090));
        DatabaseConfig database = config.database();
        assertThat(database.url()).contains("jdbc:postgresql://db:5432/oms");
        assertThat(database.user()).isEqualTo("oms");
        assertThat(database.password().reveal()).isEqualTo("s3cret-db");
        assertThat(database.poolSize()).isEqualTo(16);
        assertThat(database.connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(database.journalBatchSize()).isEqualTo(1024);
        assertThat(database.journalMaxWait()).isEqualTo(Duration.ofMillis(5));
        assertThat(database.migrateOnStart()).isFalse();
        assertThat(config.persistence().brokerName()).isEqualTo("sim");
        assertThat(config.broker().name()).isEqualTo("sim");
        var venue = config.broker().mockVenue(config.instruments());
        assertThat(venue.seed()).isEqualTo(7);
        assertThat(venue.feeBasisPoints()).isEqualByComparingTo("2.5");
        assertThat(venue.faults().rejectPlacement()).isEqualTo(0.01);
        assertThat(venue.initialPrices()).containsEntry(InstrumentId.parse("NSE:INFY"), Price.of("1512.35"));
        ZerodhaConfig zerodha = config.broker().zerodha();
        assertThat(zerodha.apiKey().reveal()).isEqualTo("kite-key");
        assertThat(zerodha.apiSecret().reveal()).isEqualTo("kite-secret");
        assertThat(zerodha.accessToken().reveal()).isEqualTo("kite-token");
        assertThat(zerodha.apiUrl()).isEqualTo("https://kite.example");
        assertThat(zerodha.wsUrl()).isEqualTo("wss://ws.example");
        assertThat(config.engine())
                .isEqualTo(new TradingEngineConfig(
                        1000,
                        64,
                        2,
                        Duration.ofMillis(500),
                        Duration.ofSeconds(30),
                        UnknownOutcomePolicy.HOLD,
                        Duration.ofSeconds(90)));
        assertThat(config.accounts())
                .containsExactly(
                        new AccountConfig(
                                "A1",
                                Optional.empty(),
                                new BigDecimal("500000"),
                                new BigDecimal("250000.50"),
                                AccountingMethod.FIFO),
                        new AccountConfig(
                                "A2",
                                Optional.of("sim"),
                                new BigDecimal("100"),
                                new BigDecimal("100"),
                                AccountingMethod.AVERAGE_COST));
        var limits = config.risk().defaults().toRiskLimits();
        assertThat(limits.maxOrderQuantity())
                .hasValueSatisfying(q -> assertThat(q.toString()).isEqualTo("500"));
        assertThat(limits.priceBandPercent())
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("5"));
        assertThat(limits.minRewardToRisk())
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("1.5"));
        assertThat(limits.maxOpenOrders()).contains(20);
        assertThat(limits.maxOpenPositions()).contains(10);
        assertThat(limits.dailyLossLimitPercent())
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("3"));
        assertThat(limits.enforceMarketHours()).isTrue();
        assertThat(limits.checkBuyingPower()).isFalse();
        var future = config.instrumentDefinitions().get(1);
        assertThat(future.lotSize().toString()).isEqualTo("75");
        assertThat(future.freezeQuantity()).isPresent();
        assertThat(future.tickSize()).isEqualByComparingTo("0.1");
        assertThat(config.tradingSession())
                .isEqualTo(new TradingSessionConfig(
                        ZoneId.of("Asia/Kolkata"),
                        LocalTime.of(9, 0),
                        LocalTime.of(15, 30),
                        List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                        List.of(LocalDate.of(2025, 10, 2))));
        assertThat(config.schedules())
                .isEqualTo(new ScheduleConfig(
                        Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMinutes(1)));
        assertThat(config.security().adminApiKey().reveal()).isEqualTo("admin-key-0123456789");
    }

    @Test
    void a_section_given_in_part_keeps_the_defaults_of_its_other_keys() {
        OmsConfig config = NO_ENVIRONMENT.parse("http:\n  port: 9999\ndatabase:\n", "oms.yaml");

        assertThat(config.http()).isEqualTo(new HttpConfig("127.0.0.1", 9999));
        assertThat(config.database()).isEqualTo(DatabaseConfig.DEFAULT);
    }

    @Test
    void list_entries_are_filled_from_the_entry_defaults() {
        OmsConfig config = NO_ENVIRONMENT.parse(
                "accounts: [{id: X, capital: 1, buying-power: 1}]\ninstruments: [{id: 'BSE:ITC'}]", "oms.yaml");

        assertThat(config.accounts().get(0).accountingMethod()).isEqualTo(AccountingMethod.AVERAGE_COST);
        assertThat(config.instruments().get(0).tickSize()).isEqualByComparingTo("0.05");
        assertThat(config.instruments().get(0).lotSize()).isEqualByComparingTo("1");
        assertThat(config.instruments().get(0).currency()).isEqualTo("INR");
    }

    @Test
    void environment_variables_override_the_file_for_every_secret_and_connection_setting() {
        Map<String, String> environment = Map.ofEntries(
                Map.entry("OMS_DATA_DIR", "/srv/oms"),
                Map.entry("OMS_HTTP_HOST", "0.0.0.0"),
                Map.entry("OMS_HTTP_PORT", "8181"),
                Map.entry("OMS_DB_URL", "jdbc:postgresql://pg/oms"),
                Map.entry("OMS_DB_USER", "app"),
                Map.entry("OMS_DB_PASSWORD", "pw-from-env"),
                Map.entry("OMS_BROKER", "zerodha"),
                Map.entry("OMS_ADMIN_API_KEY", "env-admin-key-0123456789"),
                Map.entry("OMS_KITE_API_KEY", "k"),
                Map.entry("OMS_KITE_API_SECRET", "s"),
                Map.entry("OMS_KITE_ACCESS_TOKEN", "t"),
                Map.entry("OMS_KITE_API_URL", "https://kite.test"),
                Map.entry("OMS_KITE_WS_URL", "wss://ws.test"),
                Map.entry("OMS_SIGNALS_REDIS_URL", "redis://:pw@redis.test:6379/2"));

        OmsConfig config = new ConfigLoader(environment)
                .parse("http: {port: 1111}\ndatabase: {user: file-user}\naccounts: []", "oms.yaml");

        assertThat(config.dataDir()).isEqualTo("/srv/oms");
        assertThat(config.http()).isEqualTo(new HttpConfig("0.0.0.0", 8181));
        assertThat(config.database().url()).contains("jdbc:postgresql://pg/oms");
        assertThat(config.database().user()).isEqualTo("app");
        assertThat(config.database().password().reveal()).isEqualTo("pw-from-env");
        assertThat(config.broker().type()).isEqualTo(BrokerType.ZERODHA);
        assertThat(config.broker().name()).isEqualTo("zerodha");
        assertThat(config.security().adminApiKey().reveal()).isEqualTo("env-admin-key-0123456789");
        assertThat(config.broker().zerodha())
                .isEqualTo(ZerodhaConfig.credentials(
                        Secret.of("k"), Secret.of("s"), Secret.of("t"), "https://kite.test", "wss://ws.test"));
        assertThat(config.signals().redis().enabled()).isTrue();
        assertThat(config.signals().redis().url().reveal()).isEqualTo("redis://:pw@redis.test:6379/2");
        assertThat(ConfigLoader.render(config)).doesNotContain(":pw@");
        assertThat(ConfigLoader.ENVIRONMENT).hasSize(18);
    }

    @Test
    void the_alpaca_keys_and_endpoints_come_from_the_environment_and_default_to_paper_trading() {
        OmsConfig defaults = NO_ENVIRONMENT.load(Optional.empty());
        assertThat(defaults.broker().alpaca()).isEqualTo(AlpacaBrokerConfig.DEFAULT);
        assertThat(defaults.broker().alpaca().apiUrl()).isEqualTo("https://paper-api.alpaca.markets");

        OmsConfig config = new ConfigLoader(Map.of(
                        "OMS_BROKER", "alpaca",
                        "OMS_ALPACA_KEY_ID", "PKID",
                        "OMS_ALPACA_SECRET_KEY", "alpaca-secret",
                        "OMS_ALPACA_API_URL", "https://api.alpaca.markets",
                        "OMS_ALPACA_STREAM_URL", "wss://api.alpaca.markets/stream"))
                .parse("broker: {alpaca: {equity-exchange: NASDAQ, price-refresh: 2s}}", "oms.yaml");

        assertThat(config.broker().type()).isEqualTo(BrokerType.ALPACA);
        assertThat(config.broker().name()).isEqualTo("alpaca");
        AlpacaBrokerConfig alpaca = config.broker().alpaca();
        assertThat(alpaca.keyId().reveal()).isEqualTo("PKID");
        assertThat(alpaca.secretKey().reveal()).isEqualTo("alpaca-secret");
        assertThat(alpaca.apiUrl()).isEqualTo("https://api.alpaca.markets");
        assertThat(alpaca.streamUrl()).isEqualTo("wss://api.alpaca.markets/stream");
        assertThat(alpaca.equityExchange()).isEqualTo("NASDAQ");
        assertThat(alpaca.priceRefresh()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(ConfigLoader.render(config)).doesNotContain("alpaca-secret");
    }

    @Test
    void a_bad_alpaca_value_is_refused_naming_its_key() {
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("broker: {alpaca: {stream-url: 'https://x'}}", "oms.yaml"))
                .hasMessageContaining("stream-url");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("broker: {alpaca: {equity-exchange: 'us'}}", "oms.yaml"))
                .hasMessageContaining("equity-exchange");
    }

    @Test
    void an_empty_environment_variable_counts_as_unset() {
        OmsConfig config = new ConfigLoader(Map.of("OMS_DB_URL", "", "OMS_HTTP_PORT", "")).load(Optional.empty());

        assertThat(config.database().embedded()).isTrue();
        assertThat(config.http().port()).isEqualTo(8080);
    }

    @Test
    void an_unknown_key_is_refused_naming_it_and_the_allowed_keys() {
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("http:\n  prot: 8080\n", "oms.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'http.prot'")
                .hasMessageContaining("allowed under http: host, port")
                .hasMessageContaining("[oms.yaml]");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("htp: {}\n", "oms.yaml"))
                .hasMessageContaining("unknown key 'htp'");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("accounts: [{id: A, capital: 1, buying-power: 1, x: 1}]", "f"))
                .hasMessageContaining("unknown key 'accounts[0].x'");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("broker: {mock: {sed: 1}}", "f"))
                .hasMessageContaining("broker.mock.sed");
    }

    @Test
    void an_invalid_value_is_refused_naming_the_key_and_what_is_allowed() {
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("broker: {type: ibkr}", "oms.yaml"))
                .hasMessageContaining("broker.type")
                .hasMessageContaining("'ibkr'")
                .hasMessageContaining("allowed: mock, zerodha");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("http: {port: 70000}", "oms.yaml"))
                .hasMessageContaining("http.port: must be between 0 and 65535");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("http: {port: 80.5}", "oms.yaml"))
                .hasMessageContaining("http.port")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("schedules: {venue-tick: soon}", "oms.yaml"))
                .hasMessageContaining("schedules.venue-tick")
                .hasMessageContaining("250ms");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("schedules: {reconciliation: 1ms}", "oms.yaml"))
                .hasMessageContaining("schedules.reconciliation: must be between 10ms and 1h");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("database: {url: 'mysql://x'}", "oms.yaml"))
                .hasMessageContaining("database.url: must start with jdbc:postgresql:");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("database: {url: 'jdbc:h2:file:/x;WRITE_DELAY=500'}", "oms.yaml"))
                .hasMessageContaining("database.url: must not set WRITE_DELAY");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("engine: {terminal-order-retention: 500ms}", "oms.yaml"))
                .hasMessageContaining("engine.terminal-order-retention");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("engine: {unknown-outcome-policy: retry}", "oms.yaml"))
                .hasMessageContaining("engine.unknown-outcome-policy")
                .hasMessageContaining("allowed: refuse, hold");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("accounts: [{id: A, capital: -1, buying-power: 1}]", "f"))
                .hasMessageContaining("accounts[0].capital: must not be negative");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("accounts: [{id: A, buying-power: 1}]", "f"))
                .hasMessageContaining("accounts[0].capital: is required");
        assertThatThrownBy(
                        () -> NO_ENVIRONMENT.parse("accounts: [{id: A, capital: 1, buying-power: 1, broker: x}]", "f"))
                .hasMessageContaining("accounts[0].broker: 'x' is not the configured broker; allowed: mock");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("instruments: [{id: INFY}]", "f"))
                .hasMessageContaining("instruments[0].id");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("broker: {mock: {seed: many}}", "f"))
                .hasMessageContaining("broker.mock.seed");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("http: [1, 2]", "f"))
                .hasMessageContaining("http")
                .hasMessageContaining("mapping");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("http: {port: 1\n", "broken.yaml"))
                .hasMessageContaining("broken.yaml")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void a_value_set_by_the_environment_is_named_with_its_variable() {
        ConfigLoader loader = new ConfigLoader(Map.of("OMS_HTTP_PORT", "eighty", "OMS_BROKER", "ib"));

        assertThatThrownBy(() -> loader.parse("", "defaults"))
                .satisfiesAnyOf(
                        e -> assertThat(e).hasMessageContaining("http.port (from OMS_HTTP_PORT)"),
                        e -> assertThat(e).hasMessageContaining("broker.type (from OMS_BROKER)"));
        assertThatThrownBy(() -> new ConfigLoader(Map.of("OMS_HTTP_PORT", "0x")).parse("", "defaults"))
                .hasMessageContaining("http.port (from OMS_HTTP_PORT): invalid value '0x'; expected a whole number");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("OMS_HTTP_PORT", "99999")).parse("", "defaults"))
                .hasMessageContaining("http.port (from OMS_HTTP_PORT): must be between 0 and 65535");
    }

    @Test
    void a_missing_file_is_reported_with_its_path(@TempDir Path directory) {
        Path missing = directory.resolve("nope.yaml");

        assertThatThrownBy(() -> NO_ENVIRONMENT.load(Optional.of(missing)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void the_file_comes_from_the_option_else_from_OMS_CONFIG(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("oms.yaml"), "http: {port: 7000}\n");
        ConfigLoader loader = new ConfigLoader(Map.of("OMS_CONFIG", file.toString()));

        assertThat(loader.configFile(Optional.empty())).contains(file);
        assertThat(loader.configFile(Optional.of(Path.of("other.yaml")))).contains(Path.of("other.yaml"));
        assertThat(loader.load(loader.configFile(Optional.empty())).http().port())
                .isEqualTo(7000);
        assertThat(NO_ENVIRONMENT.configFile(Optional.empty())).isEmpty();
    }

    @Test
    void secrets_are_masked_in_the_rendered_configuration_and_in_toString() {
        Map<String, String> environment = Map.of(
                "OMS_DB_URL", "jdbc:postgresql://pg/oms?password=url-secret",
                "OMS_DB_PASSWORD", "db-secret",
                "OMS_ADMIN_API_KEY", "admin-secret-0123456789",
                "OMS_KITE_API_KEY", "kite-key-secret",
                "OMS_KITE_API_SECRET", "kite-api-secret",
                "OMS_KITE_ACCESS_TOKEN", "kite-token-secret");
        OmsConfig config = new ConfigLoader(environment).load(Optional.empty());

        String rendered = ConfigLoader.render(config);
        String text = config.toString();

        for (String secret : List.of(
                "url-secret",
                "db-secret",
                "admin-secret-0123456789",
                "kite-key-secret",
                "kite-api-secret",
                "kite-token-secret")) {
            assertThat(rendered).doesNotContain(secret);
            assertThat(text).doesNotContain(secret);
        }
        assertThat(rendered).contains("password: '***'").contains("admin-api-key: '***'");
        assertThat(Secret.of("x")).hasToString("***");
        assertThat(Secret.NONE).hasToString("(none)");
    }

    @Test
    void the_rendered_defaults_read_back_as_the_same_configuration() {
        String rendered = ConfigLoader.render(OmsConfig.defaults());

        assertThat(NO_ENVIRONMENT.parse(rendered, "rendered")).isEqualTo(OmsConfig.defaults());
        assertThat(rendered)
                .contains("venue-tick: 250ms")
                .contains("type: mock")
                .contains("- id: PAPER");
    }
}
