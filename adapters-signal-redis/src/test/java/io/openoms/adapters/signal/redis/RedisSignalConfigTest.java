package io.openoms.adapters.signal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisSignalConfigTest {
    @Test
    void defaults_are_the_documented_names() {
        RedisSignalConfig config = RedisSignalConfig.defaults("redis://127.0.0.1:6379");

        assertThat(config.stream()).isEqualTo("oms:signals");
        assertThat(config.group()).isEqualTo("openoms");
        assertThat(config.consumer()).isEqualTo("oms-1");
        assertThat(config.resultsStream()).isEqualTo("oms:signal-results");
        assertThat(config.deadLetterStream()).isEqualTo("oms:signals:dead");
        assertThat(config.channel()).contains("trade_signals");
        assertThat(config.claimIdle()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.blockTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.batchSize()).isEqualTo(10);
    }

    @Test
    void the_url_must_be_a_redis_url_and_its_password_is_never_shown() {
        assertThatThrownBy(() -> RedisSignalConfig.defaults("http://user:secret@host:6379"))
                .hasMessageStartingWith("url:")
                .hasMessageNotContaining("secret");
        assertThat(RedisSignalConfig.defaults("redis://user:secret@host:6379/0").redactedUrl())
                .isEqualTo("redis://***@host:6379/0");
    }

    @Test
    void invalid_values_are_refused_naming_the_key() {
        RedisSignalConfig d = RedisSignalConfig.defaults("redis://h:1");
        assertThatThrownBy(() -> new RedisSignalConfig(
                        d.url(),
                        "oms:signals",
                        d.group(),
                        d.consumer(),
                        "oms:signals",
                        d.deadLetterStream(),
                        Optional.empty(),
                        d.claimIdle(),
                        d.blockTimeout(),
                        10,
                        10))
                .hasMessageStartingWith("stream:");
        assertThatThrownBy(() -> new RedisSignalConfig(
                        d.url(),
                        d.stream(),
                        "a group",
                        d.consumer(),
                        d.resultsStream(),
                        d.deadLetterStream(),
                        Optional.empty(),
                        d.claimIdle(),
                        d.blockTimeout(),
                        10,
                        10))
                .hasMessageStartingWith("group:");
        assertThatThrownBy(() -> new RedisSignalConfig(
                        d.url(),
                        d.stream(),
                        d.group(),
                        d.consumer(),
                        d.resultsStream(),
                        d.deadLetterStream(),
                        Optional.empty(),
                        Duration.ZERO,
                        d.blockTimeout(),
                        10,
                        10))
                .hasMessageStartingWith("claim-idle:");
        assertThatThrownBy(() -> new RedisSignalConfig(
                        d.url(),
                        d.stream(),
                        d.group(),
                        d.consumer(),
                        d.resultsStream(),
                        d.deadLetterStream(),
                        Optional.empty(),
                        d.claimIdle(),
                        d.blockTimeout(),
                        0,
                        10))
                .hasMessageStartingWith("batch-size:");
    }
}
