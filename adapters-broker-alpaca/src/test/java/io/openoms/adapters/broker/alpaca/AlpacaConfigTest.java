package io.openoms.adapters.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.port.out.EndpointFamily;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AlpacaConfigTest {
    private static final AlpacaConfig PAPER = AlpacaConfig.paper("PKTEST", "very-secret");

    @Test
    void the_defaults_are_the_paper_endpoints_and_alpacas_200_requests_a_minute_for_every_call() {
        assertThat(PAPER.apiUrl()).isEqualTo(URI.create("https://paper-api.alpaca.markets"));
        assertThat(PAPER.streamUrl()).isEqualTo(URI.create("wss://paper-api.alpaca.markets/stream"));
        assertThat(PAPER.equityExchange()).isEqualTo("US");
        assertThat(PAPER.rateLimits().limits(EndpointFamily.ORDERS).perMinute()).isEqualTo(200);
        assertThat(PAPER.rateLimits().budgetOf(EndpointFamily.MODIFICATIONS)).isEqualTo(EndpointFamily.QUERIES);
        assertThat(PAPER.rateLimits().budgetOf(EndpointFamily.ORDERS)).isEqualTo(EndpointFamily.QUERIES);
    }

    @Test
    void the_secret_is_never_shown() {
        assertThat(PAPER.toString()).doesNotContain("very-secret").contains("PKTEST");
    }

    @Test
    void the_api_url_is_a_host_root_because_the_adapter_adds_the_version() {
        assertThat(PAPER.withUrls(URI.create("https://api.alpaca.markets/"), PAPER.streamUrl())
                        .apiUrl())
                .isEqualTo(URI.create("https://api.alpaca.markets"));
        assertThatThrownBy(() -> PAPER.withUrls(URI.create("https://paper-api.alpaca.markets/v2"), PAPER.streamUrl()))
                .hasMessageContaining("OMS_ALPACA_API_URL")
                .hasMessageContaining("host root");
        assertThatThrownBy(() -> PAPER.withUrls(URI.create("ftp://x"), PAPER.streamUrl()))
                .hasMessageContaining("OMS_ALPACA_API_URL");
    }

    @Test
    void the_stream_url_must_be_a_websocket_url() {
        assertThatThrownBy(() -> PAPER.withUrls(PAPER.apiUrl(), URI.create("https://paper-api.alpaca.markets/stream")))
                .hasMessageContaining("OMS_ALPACA_STREAM_URL");
    }

    @Test
    void blank_keys_are_refused_naming_their_variable_without_echoing_them() {
        assertThatThrownBy(() -> AlpacaConfig.paper(" ", "x")).hasMessageContaining("OMS_ALPACA_KEY_ID");
        assertThatThrownBy(() -> AlpacaConfig.paper("PK", " secret-with-space"))
                .hasMessageContaining("OMS_ALPACA_SECRET_KEY")
                .hasMessageNotContaining("secret-with-space");
    }

    @Test
    void the_equity_exchange_cannot_be_the_crypto_one() {
        assertThatThrownBy(() -> PAPER.withEquityExchange("CRYPTO")).hasMessageContaining("equity-exchange");
        assertThat(PAPER.withEquityExchange("NASDAQ").equityExchange()).isEqualTo("NASDAQ");
    }
}
