package io.openoms.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisSignalsConfigTest {
    @Test
    void signals_from_redis_are_off_by_default_with_the_documented_names() {
        RedisSignalsConfig config = OmsConfig.defaults().signals().redis();

        assertThat(config.enabled()).isFalse();
        assertThat(config.stream()).isEqualTo("oms:signals");
        assertThat(config.group()).isEqualTo("openoms");
        assertThat(config.resultsStream()).isEqualTo("oms:signal-results");
        assertThat(config.deadLetterStream()).isEqualTo("oms:signals:dead");
        assertThat(config.channel()).isEqualTo("trade_signals");
        assertThat(config.claimIdle()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void every_key_is_read_from_the_file() {
        OmsConfig config = new ConfigLoader(Map.of())
                .parse(
                        "signals:\n  redis:\n    url: redis://r:6380\n    stream: s\n    group: g\n    consumer: c\n"
                                + "    results-stream: r\n    dead-letter-stream: d\n    channel: \"\"\n"
                                + "    claim-idle: 5s\n    block-timeout: 200ms\n    batch-size: 50\n",
                        "oms.yaml");

        RedisSignalsConfig redis = config.signals().redis();
        assertThat(redis.enabled()).isTrue();
        assertThat(redis.toAdapterConfig().url()).isEqualTo("redis://r:6380");
        assertThat(redis.toAdapterConfig().channel()).isEmpty();
        assertThat(redis.toAdapterConfig().stream()).isEqualTo("s");
        assertThat(redis.toAdapterConfig().group()).isEqualTo("g");
        assertThat(redis.toAdapterConfig().consumer()).isEqualTo("c");
        assertThat(redis.toAdapterConfig().resultsStream()).isEqualTo("r");
        assertThat(redis.toAdapterConfig().deadLetterStream()).isEqualTo("d");
        assertThat(redis.toAdapterConfig().claimIdle()).isEqualTo(Duration.ofSeconds(5));
        assertThat(redis.toAdapterConfig().blockTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(redis.toAdapterConfig().batchSize()).isEqualTo(50);
    }

    @Test
    void an_invalid_value_is_refused_naming_the_key_without_revealing_the_password() {
        assertThatThrownBy(
                        () -> new ConfigLoader(Map.of("OMS_SIGNALS_REDIS_URL", "http://u:secret@h:1")).parse("", "env"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("signals.redis.url")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse("signals: {redis: {batch-size: 0}}", "oms.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("signals.redis.batch-size");
    }
}
