package io.openoms.application.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MonitorConfigTest {
    @Test
    void defaults() {
        assertThat(MonitorConfig.builder().build())
                .isEqualTo(new MonitorConfig(
                        Duration.ofSeconds(1),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(30),
                        3,
                        Duration.ofSeconds(10)));
    }

    @Test
    void every_key_is_set() {
        MonitorConfig config = MonitorConfig.builder()
                .interval(Duration.ofMillis(500))
                .queryPermitWait(Duration.ZERO)
                .unconfirmedAfter(Duration.ofSeconds(5))
                .unknownGraceWindow(Duration.ofMinutes(2))
                .unknownMissesBeforeError(7)
                .engineTimeout(Duration.ofSeconds(3))
                .build();

        assertThat(config.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.queryPermitWait()).isEqualTo(Duration.ZERO);
        assertThat(config.unconfirmedAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.unknownGraceWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.unknownMissesBeforeError()).isEqualTo(7);
        assertThat(config.engineTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void bad_values_are_refused_naming_their_key() {
        assertRefused(MonitorConfig.builder().interval(Duration.ZERO), "interval");
        assertRefused(MonitorConfig.builder().queryPermitWait(Duration.ofMillis(-1)), "queryPermitWait");
        assertRefused(MonitorConfig.builder().unconfirmedAfter(Duration.ofMillis(-1)), "unconfirmedAfter");
        assertRefused(MonitorConfig.builder().unknownGraceWindow(Duration.ofMillis(-1)), "unknownGraceWindow");
        assertRefused(MonitorConfig.builder().unknownMissesBeforeError(0), "unknownMissesBeforeError");
        assertRefused(MonitorConfig.builder().engineTimeout(Duration.ZERO), "engineTimeout");
        assertThatThrownBy(() -> MonitorConfig.builder().interval(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("interval");
    }

    private static void assertRefused(MonitorConfig.Builder builder, String key) {
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key);
    }
}
