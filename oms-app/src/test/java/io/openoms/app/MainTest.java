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
    void selecting_zerodha_stops_start_up_saying_the_adapter_is_not_in_this_build() {
        OmsConfig zerodha = new ConfigLoader(Map.of("OMS_BROKER", "zerodha")).load(Optional.empty());

        assertThatThrownBy(() -> Main.modules(zerodha))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broker.type (OMS_BROKER)")
                .hasMessageContaining("Zerodha adapter is not available in this build");
    }
}
