package io.openoms.simulators.kite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KiteSimulatorConfigTest {
    @Test
    void defaults_describe_a_ready_account_on_free_ports() {
        KiteSimulatorConfig config = KiteSimulatorConfig.builder().build();

        assertThat(config.apiKey()).isEqualTo("kitesimkey");
        assertThat(config.apiSecret()).isEqualTo("kitesimsecret");
        assertThat(config.accessToken()).isEqualTo("kitesimtoken");
        assertThat(config.userId()).isEqualTo("AB1234");
        assertThat(config.port()).isZero();
        assertThat(config.streamPort()).isZero();
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.streamPlacementAcknowledgements()).isTrue();
        assertThat(config.lostReply()).isEqualTo(LostReply.HOLD);
        assertThat(config.replyHold()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.openingBalance()).isEqualByComparingTo("1000000");
    }

    @Test
    void every_key_can_be_set() {
        KiteSimulatorConfig config = KiteSimulatorConfig.builder()
                .apiKey("key1")
                .apiSecret("secret 1")
                .accessToken("token1")
                .userId("ZX9999")
                .port(18080)
                .streamPort(18081)
                .heartbeatInterval(Duration.ZERO)
                .streamPlacementAcknowledgements(false)
                .lostReply(LostReply.DROP_CONNECTION)
                .replyHold(Duration.ofSeconds(5))
                .openingBalance(new BigDecimal("50000"))
                .build();

        assertThat(config)
                .isEqualTo(new KiteSimulatorConfig(
                        "key1",
                        "secret 1",
                        "token1",
                        "ZX9999",
                        18080,
                        18081,
                        Duration.ZERO,
                        false,
                        LostReply.DROP_CONNECTION,
                        Duration.ofSeconds(5),
                        new BigDecimal("50000")));
    }

    @Test
    void invalid_values_are_refused_naming_the_key() {
        assertThatThrownBy(() -> KiteSimulatorConfig.builder().apiKey("a:b").build())
                .hasMessageContaining("apiKey");
        assertThatThrownBy(() -> KiteSimulatorConfig.builder().apiSecret(" ").build())
                .hasMessageContaining("apiSecret");
        assertThatThrownBy(() -> KiteSimulatorConfig.builder().accessToken("").build())
                .hasMessageContaining("accessToken");
        assertThatThrownBy(() -> KiteSimulatorConfig.builder().userId(null).build())
                .hasMessageContaining("userId");
        assertThatThrownBy(() -> KiteSimulatorConfig.builder().port(70000).build())
                .hasMessageContaining("port");
        assertThatThrownBy(() -> KiteSimulatorConfig.builder().streamPort(-1).build())
                .hasMessageContaining("streamPort");
        assertThatThrownBy(() -> KiteSimulatorConfig.builder()
                        .heartbeatInterval(Duration.ofSeconds(-1))
                        .build())
                .hasMessageContaining("heartbeatInterval");
        assertThatThrownBy(() ->
                        KiteSimulatorConfig.builder().replyHold(Duration.ZERO).build())
                .hasMessageContaining("replyHold");
        assertThatThrownBy(() -> KiteSimulatorConfig.builder().lostReply(null).build())
                .hasMessageContaining("lostReply");
        assertThatThrownBy(() -> KiteSimulatorConfig.builder()
                        .openingBalance(new BigDecimal("-1"))
                        .build())
                .hasMessageContaining("openingBalance");
    }
}
