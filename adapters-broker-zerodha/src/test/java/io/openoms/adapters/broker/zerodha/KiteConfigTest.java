package io.openoms.adapters.broker.zerodha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.FamilyLimits;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KiteConfigTest {
    @Test
    void defaults_point_at_zerodha_with_automatic_market_protection_and_the_safer_limits() {
        KiteConfig config = KiteConfig.builder("xyz123").build();

        assertThat(config.apiUrl()).isEqualTo(URI.create("https://api.kite.trade"));
        assertThat(config.wsUrl()).isEqualTo(URI.create("wss://ws.kite.trade"));
        assertThat(config.marketProtection()).isEqualByComparingTo("-1");
        assertThat(config.amoOutsideMarketHours()).isFalse();
        assertThat(config.ordersPerMinute()).isEqualTo(200);
        assertThat(config.modificationsCountAsOrders()).isTrue();
        assertThat(config.amoWindow("nse")).contains(AmoWindow.of("16:00", "08:58"));
        assertThat(config.session("NFO")).isPresent();
        assertThat(config.rateLimits().limits(EndpointFamily.ORDERS)).isEqualTo(new FamilyLimits(10, 200, 5000));
        assertThat(config.rateLimits().limits(EndpointFamily.QUOTES)).isEqualTo(FamilyLimits.perSecond(1));
        assertThat(config.rateLimits().budgetOf(EndpointFamily.MODIFICATIONS)).isEqualTo(EndpointFamily.ORDERS);
        assertThat(config.rateLimits().maxModificationsPerOrder()).isEqualTo(25);
        assertThat(config.rateLimits().limits(EndpointFamily.MODIFICATIONS))
                .isEqualTo(config.rateLimits().limits(EndpointFamily.ORDERS));
        assertThat(config.rateLimits().limits(EndpointFamily.QUERIES)).isEqualTo(FamilyLimits.perSecond(10));
        assertThat(config.rateLimits().tradingDayZone()).isEqualTo(java.time.ZoneId.of("Asia/Kolkata"));
    }

    @Test
    void secrets_never_appear_in_to_string() {
        KiteConfig config = KiteFixtures.config().build();

        assertThat(config.toString())
                .contains("apiKey=xyz123")
                .doesNotContain(KiteFixtures.API_SECRET)
                .doesNotContain(KiteFixtures.ACCESS_TOKEN)
                .contains("apiSecret=***");
    }

    @Test
    void the_environment_sets_credentials_and_endpoints() {
        KiteConfig config = KiteConfig.fromEnvironment(Map.of(
                        "OMS_KITE_API_KEY", "abc",
                        "OMS_KITE_API_SECRET", "s3cret",
                        "OMS_KITE_ACCESS_TOKEN", "tok",
                        "OMS_KITE_API_URL", "http://127.0.0.1:9000",
                        "OMS_KITE_WS_URL", "ws://127.0.0.1:9001"))
                .build();

        assertThat(config.apiKey()).isEqualTo("abc");
        assertThat(config.apiSecret()).contains("s3cret");
        assertThat(config.accessToken()).contains("tok");
        assertThat(config.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(config.wsUrl()).isEqualTo(URI.create("ws://127.0.0.1:9001"));
    }

    @Test
    void a_missing_api_key_is_refused_naming_the_variable() {
        assertThatThrownBy(() -> KiteConfig.fromEnvironment(Map.of())).hasMessageContaining("OMS_KITE_API_KEY");
    }

    @Test
    void bad_values_are_refused_naming_their_key() {
        assertThatThrownBy(() ->
                        KiteFixtures.config().marketProtection(BigDecimal.ZERO).build())
                .hasMessageContaining("marketProtection");
        assertThatThrownBy(() -> KiteFixtures.config()
                        .wsUrl(URI.create("https://ws.kite.trade"))
                        .build())
                .hasMessageContaining("OMS_KITE_WS_URL");
        assertThatThrownBy(() ->
                        KiteFixtures.config().apiUrl(URI.create("ftp://x")).build())
                .hasMessageContaining("OMS_KITE_API_URL");
        assertThatThrownBy(
                        () -> KiteFixtures.config().readTimeout(Duration.ZERO).build())
                .hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> KiteFixtures.config()
                        .streamInitialBackoff(Duration.ofSeconds(10))
                        .streamMaxBackoff(Duration.ofSeconds(5))
                        .build())
                .hasMessageContaining("streamMaxBackoff");
        assertThatThrownBy(() -> KiteFixtures.config().ordersPerMinute(-1).build())
                .hasMessageContaining("ordersPerMinute");
    }

    @Test
    void an_amo_window_may_span_midnight() {
        AmoWindow equity = AmoWindow.of("16:00", "08:58");

        assertThat(equity.contains(LocalTime.of(20, 0))).isTrue();
        assertThat(equity.contains(LocalTime.of(8, 57))).isTrue();
        assertThat(equity.contains(LocalTime.of(8, 58))).isFalse();
        assertThat(equity.contains(LocalTime.of(12, 0))).isFalse();
    }
}
