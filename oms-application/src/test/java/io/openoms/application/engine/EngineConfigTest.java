package io.openoms.application.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.value.AccountId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineConfigTest {

    @Test
    void the_defaults_refuse_unknown_submits_and_know_no_account() {
        EngineConfig config = EngineConfig.builder().build();

        assertThat(config.queueCapacity()).isEqualTo(4_096);
        assertThat(config.maxCommandsPerBatch()).isEqualTo(256);
        assertThat(config.brokerDispatchThreads()).isEqualTo(4);
        assertThat(config.rateLimitMaxWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.modificationBudgetPerOrder()).isEqualTo(25);
        assertThat(config.unknownOutcomePolicy()).isEqualTo(UnknownOutcomePolicy.REFUSE);
        assertThat(config.account(AccountId.of("ANY"))).isEmpty();
    }

    @Test
    void an_account_without_settings_gets_the_default_account() {
        AccountSettings settings = EngineHarness.config().build().accounts().get(EngineHarness.ACCOUNT);
        EngineConfig config = EngineConfig.builder().defaultAccount(settings).build();

        assertThat(config.account(AccountId.of("OTHER"))).contains(settings);
    }

    @Test
    void every_bad_value_is_refused_naming_its_key() {
        assertThatThrownBy(() -> EngineConfig.builder().queueCapacity(0).build())
                .hasMessageContaining("queueCapacity");
        assertThatThrownBy(() -> EngineConfig.builder().maxCommandsPerBatch(0).build())
                .hasMessageContaining("maxCommandsPerBatch");
        assertThatThrownBy(() -> EngineConfig.builder().brokerDispatchThreads(0).build())
                .hasMessageContaining("brokerDispatchThreads");
        assertThatThrownBy(() -> EngineConfig.builder()
                        .rateLimitMaxWait(Duration.ofSeconds(-1))
                        .build())
                .hasMessageContaining("rateLimitMaxWait");
        assertThatThrownBy(() -> EngineConfig.builder()
                        .rateLimitDefaultBackoff(Duration.ZERO)
                        .build())
                .hasMessageContaining("rateLimitDefaultBackoff");
        assertThatThrownBy(() ->
                        EngineConfig.builder().modificationBudgetPerOrder(-1).build())
                .hasMessageContaining("modificationBudgetPerOrder");
        assertThatThrownBy(
                        () -> EngineConfig.builder().stopTimeout(Duration.ZERO).build())
                .hasMessageContaining("stopTimeout");
        assertThatThrownBy(() ->
                        EngineConfig.builder().maxQuarantinedPayloadChars(10).build())
                .hasMessageContaining("maxQuarantinedPayloadChars");
    }
}
