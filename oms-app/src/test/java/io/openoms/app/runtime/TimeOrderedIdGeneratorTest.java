package io.openoms.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.order.ClientOrderId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOrderedIdGeneratorTest {
    @Test
    void ids_are_the_clock_in_microseconds_and_strictly_increase_within_one_microsecond() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-06T04:00:00.000001Z"), ZoneOffset.UTC);
        TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock);

        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            issued.add(ids.nextOrderId().value());
        }

        assertThat(issued).containsExactly("O01736136000000001", "O01736136000000002", "O01736136000000003");
        assertThat(issued).isSorted();
    }

    @Test
    void a_later_generator_issues_larger_ids() {
        ClientOrderId earlier = new TimeOrderedIdGenerator(
                        Clock.fixed(Instant.parse("2025-01-06T04:00:00Z"), ZoneOffset.UTC))
                .nextOrderId();
        ClientOrderId later = new TimeOrderedIdGenerator(
                        Clock.fixed(Instant.parse("2025-01-06T04:00:01Z"), ZoneOffset.UTC))
                .nextOrderId();

        assertThat(later.value()).isGreaterThan(earlier.value());
    }
}
