package io.openoms.application.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventBusConfigTest {
    @Test
    void defaults_allow_a_hundred_thousand_queued_events_and_five_seconds_to_close() {
        assertThat(EventBusConfig.DEFAULT).isEqualTo(new EventBusConfig(100_000, Duration.ofSeconds(5)));
    }

    @Test
    void the_queue_bound_is_positive_and_the_close_timeout_not_negative() {
        assertThatThrownBy(() -> new EventBusConfig(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventBusConfig(1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
