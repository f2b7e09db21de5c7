package io.openoms.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;

/** Short assertions on check results, so that a test reads as its rule. */
public final class RiskAssertions {
    private RiskAssertions() {}

    public static void assertPasses(RiskCheckResult result) {
        assertThat(result.failureReason()).as("failure reason").isEmpty();
    }

    /** The result is a failure whose reason contains every fragment. */
    public static void assertFails(RiskCheckResult result, String... fragments) {
        assertThat(result.failureReason()).as("failure reason").isPresent();
        assertThat(result.failureReason().get()).contains(fragments);
    }
}
