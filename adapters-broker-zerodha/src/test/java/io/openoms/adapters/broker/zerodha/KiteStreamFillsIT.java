package io.openoms.adapters.broker.zerodha;

import static io.openoms.adapters.broker.zerodha.KiteFixtures.CLOCK;
import static io.openoms.adapters.broker.zerodha.KiteFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.EndpointFamily;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kite's updates carry no trade ids: the trades of an order whose filled quantity grew are fetched and handed in. */
class KiteStreamFillsIT {
    private static final String ONE_TRADE = "{\"status\":\"success\",\"data\":[{\"trade_id\":\"10000000\","
            + "\"order_id\":\"1953341975595868160\",\"exchange\":\"NSE\",\"tradingsymbol\":\"INFY\","
            + "\"instrument_token\":408065,\"product\":\"CNC\",\"average_price\":1450.55,\"quantity\":10,"
            + "\"exchange_order_id\":\"1300000001887410\",\"transaction_type\":\"BUY\","
            + "\"fill_timestamp\":\"2026-11-20 09:16:03\",\"order_timestamp\":\"09:16:02\","
            + "\"exchange_timestamp\":\"2026-11-20 09:16:03\"}]}";

    private final MockWebServer server = new MockWebServer();
    private final KiteFixtures.RecordingGuard guard = new KiteFixtures.RecordingGuard();
    private final KiteFixtures.RecordingUpdates core = new KiteFixtures.RecordingUpdates();
    private final KiteTagRegistry tags = KiteTagRegistry.inMemory();
    private final ExecutorService fetches = Executors.newSingleThreadExecutor();
    private KiteConfig config;
    private KiteStreamFills fills;

    @BeforeEach
    void start() throws IOException {
        server.start();
        config = KiteFixtures.config()
                .apiUrl(URI.create(server.url("/").toString()))
                .build();
        OkHttpClient http = new OkHttpClient();
        KiteBrokerGateway gateway =
                new KiteBrokerGateway(config, new KiteSession(config, http, CLOCK), tags, guard, http, CLOCK);
        fills = new KiteStreamFills(core, gateway, guard, fetches);
    }

    @AfterEach
    void stop() throws InterruptedException {
        fetches.shutdown();
        fetches.awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }

    private BrokerOrder completeUpdate() throws Exception {
        return new KiteOrderMapper(config, tags, CLOCK).order(KiteJson.parse(KiteFixtures.resource("postback.json")));
    }

    @Test
    void a_grown_fill_fetches_the_orders_trades_once_after_a_queries_permit_and_hands_them_in() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(ONE_TRADE)
                .build());
        BrokerOrder update = completeUpdate();

        fills.orderUpdated(KiteBrokerGateway.NAME, update);
        fills.orderUpdated(KiteBrokerGateway.NAME, update);

        await(() -> core.trades.size() == 1, "the fetched trade");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getTarget()).isEqualTo("/orders/1953341975595868160/trades");
        fetches.shutdown();
        assertThat(fetches.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(server.getRequestCount())
                .as("the same filled quantity is not fetched again")
                .isEqualTo(1);
        assertThat(core.orders).hasSize(2);
        assertThat(core.trades.get(0).fill().tradeId().value()).isEqualTo("10000000");
        assertThat(guard.acquired).containsExactly(EndpointFamily.QUERIES);
    }

    @Test
    void without_a_queries_permit_the_trades_are_left_to_the_order_monitor() throws Exception {
        guard.refuse = true;

        fills.orderUpdated(KiteBrokerGateway.NAME, completeUpdate());
        fetches.shutdown();

        assertThat(fetches.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(core.orders).hasSize(1);
        assertThat(core.trades).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }
}
