package io.openoms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.app.config.ConfigException;
import io.openoms.app.config.ConfigLoader;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import io.openoms.app.runtime.RuntimeStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @Test
    void the_object_graph_builds_for_the_embedded_database_and_the_simulated_venue(@TempDir Path data) {
        OmsRuntime runtime = Main.runtime(TestConfigs.embedded(data));

        assertThat(runtime.status().phase()).isEqualTo(RuntimeStatus.Phase.NEW);
        assertThat(data.resolve("openoms.mv.db")).exists();
        assertThat(runtime.stop()).isTrue();
    }

    @Test
    void selecting_zerodha_without_an_api_key_stops_start_up_naming_the_key(@TempDir Path data) {
        OmsConfig zerodha = new ConfigLoader(Map.of("OMS_BROKER", "zerodha", "OMS_DATA_DIR", data.toString()))
                .load(Optional.empty());

        assertThatThrownBy(() -> Main.runtime(zerodha))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broker.zerodha.api-key (OMS_KITE_API_KEY)");
    }

    @Test
    void the_object_graph_builds_for_zerodha(@TempDir Path data) {
        OmsConfig zerodha = new ConfigLoader(Map.of(
                        "OMS_BROKER", "zerodha",
                        "OMS_DATA_DIR", data.toString(),
                        "OMS_KITE_API_KEY", "key1",
                        "OMS_KITE_API_SECRET", "secret1"))
                .load(Optional.empty());

        OmsRuntime runtime = Main.runtime(zerodha);

        assertThat(runtime.status().phase()).isEqualTo(RuntimeStatus.Phase.NEW);
        assertThat(runtime.stop()).isTrue();
    }

    @Test
    void selecting_alpaca_without_its_keys_stops_start_up_naming_them(@TempDir Path data) {
        OmsConfig alpaca = new ConfigLoader(Map.of("OMS_BROKER", "alpaca", "OMS_DATA_DIR", data.toString()))
                .load(Optional.empty());

        assertThatThrownBy(() -> Main.runtime(alpaca))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OMS_ALPACA_KEY_ID")
                .hasMessageContaining("OMS_ALPACA_SECRET_KEY");
    }

    @Test
    void the_object_graph_builds_for_alpaca(@TempDir Path data) {
        OmsConfig alpaca = new ConfigLoader(Map.of(
                        "OMS_BROKER", "alpaca",
                        "OMS_DATA_DIR", data.toString(),
                        "OMS_ALPACA_KEY_ID", "PKID",
                        "OMS_ALPACA_SECRET_KEY", "secret1"))
                .load(Optional.empty());

        OmsRuntime runtime = Main.runtime(alpaca);

        assertThat(runtime.status().phase()).isEqualTo(RuntimeStatus.Phase.NEW);
        assertThat(runtime.stop()).isTrue();
    }
}
