package io.openoms.application.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.value.AccountId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationConfigTest {
    private static final AccountId ACCOUNT = AccountId.of("ACC-1");

    @Test
    void defaults() {
        ReconciliationConfig config = ReconciliationConfig.builder().build();

        assertThat(config)
                .isEqualTo(new ReconciliationConfig(
                        Duration.ofSeconds(30),
                        true,
                        ReconciliationPolicy.TRUST_BROKER,
                        Map.of(),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(10)));
        assertThat(config.policy(ACCOUNT)).isEqualTo(ReconciliationPolicy.TRUST_BROKER);
    }

    @Test
    void every_key_is_set() {
        ReconciliationConfig config = ReconciliationConfig.builder()
                .interval(Duration.ofMinutes(1))
                .runAtStartup(false)
                .defaultPolicy(ReconciliationPolicy.ALERT_ONLY)
                .accountPolicy(ACCOUNT, ReconciliationPolicy.PROPOSE)
                .queryPermitWait(Duration.ZERO)
                .engineTimeout(Duration.ofSeconds(1))
                .build();

        assertThat(config.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.runAtStartup()).isFalse();
        assertThat(config.defaultPolicy()).isEqualTo(ReconciliationPolicy.ALERT_ONLY);
        assertThat(config.accountPolicies()).containsExactly(Map.entry(ACCOUNT, ReconciliationPolicy.PROPOSE));
        assertThat(config.policy(ACCOUNT)).isEqualTo(ReconciliationPolicy.PROPOSE);
        assertThat(config.policy(AccountId.of("other"))).isEqualTo(ReconciliationPolicy.ALERT_ONLY);
        assertThat(config.queryPermitWait()).isEqualTo(Duration.ZERO);
        assertThat(config.engineTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void bad_values_are_refused_naming_their_key() {
        assertRefused(ReconciliationConfig.builder().interval(Duration.ZERO), "interval");
        assertRefused(ReconciliationConfig.builder().queryPermitWait(Duration.ofMillis(-1)), "queryPermitWait");
        assertRefused(ReconciliationConfig.builder().engineTimeout(Duration.ofMillis(-1)), "engineTimeout");
        assertThatThrownBy(
                        () -> ReconciliationConfig.builder().defaultPolicy(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("defaultPolicy");
        Map<AccountId, ReconciliationPolicy> withNull = new HashMap<>();
        withNull.put(ACCOUNT, null);
        assertThatThrownBy(() -> new ReconciliationConfig(
                        Duration.ofSeconds(1),
                        true,
                        ReconciliationPolicy.PROPOSE,
                        withNull,
                        Duration.ZERO,
                        Duration.ofSeconds(1)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("accountPolicies.ACC-1");
    }

    private static void assertRefused(ReconciliationConfig.Builder builder, String key) {
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key);
    }
}
