package io.openoms.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoScriptIT {
    @Test
    void a_venue_that_does_not_fill_in_part_fails_the_demo_at_the_partial_fill_step_with_one_line() throws Exception {
        Map<String, String> venue = new HashMap<>(DemoSettings.venue());
        venue.remove("liquidity-per-step");
        StringWriter progress = new StringWriter();
        DemoOutcome outcome;
        Path directory;
        try (DemoApp app = DemoApp.start(venue)) {
            directory = app.directory();
            outcome = app.play(new PrintWriter(progress));
        }

        assertThat(outcome.behaved()).isFalse();
        assertThat(outcome.failure())
                .hasValue("step 3 (LIMIT BUY 80 NSE:TCS @ 3400) did not behave: expected PARTIALLY_FILLED with 50"
                        + " filled @ 3400, got FILLED 80 @ 3400");
        assertThat(progress.toString().lines()).hasSize(2);
        assertThat(outcome.orders()).hasSize(2);
        assertThat(directory).doesNotExist();
    }
}
