package io.openoms.adapters.broker.zerodha;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderStatus;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class KitePostbackTest {
    // sha256("1953341975595868160" + "2026-11-20 09:16:02" + "mysecret"), computed independently.
    private static final String GOOD = "aca0bc5359c8d64dd83b8b6cb71557fe5cad971fee102a852278e2f3d67e2283";

    private final KiteTagRegistry tags = KiteTagRegistry.inMemory();
    private final KiteFixtures.RecordingUpdates updates = new KiteFixtures.RecordingUpdates();
    private final KitePostbackReceiver receiver =
            new KitePostbackReceiver(KiteFixtures.config().build(), tags, updates, KiteFixtures.CLOCK);

    private static String postback(String checksum) {
        return KiteFixtures.resource("postback.json").replace("CHECKSUM", checksum);
    }

    @Test
    void the_checksum_is_sha256_of_order_id_order_timestamp_and_secret() {
        KitePostbackVerifier verifier = new KitePostbackVerifier("mysecret");

        assertThat(KitePostbackVerifier.checksum("1953341975595868160", "2026-11-20 09:16:02", "mysecret"))
                .isEqualTo(GOOD);
        assertThat(verifier.isAuthentic("1953341975595868160", "2026-11-20 09:16:02", GOOD))
                .isTrue();
        assertThat(verifier.isAuthentic("1953341975595868160", "2026-11-20 09:16:02", GOOD.toUpperCase()))
                .as("exactly as Kite writes it: lowercase")
                .isFalse();
        assertThat(verifier.isAuthentic("1953341975595868160", "2026-11-20 09:16:02", " " + GOOD))
                .isFalse();
        assertThat(verifier.isAuthentic("1953341975595868160", "2026-11-20 09:16:03", GOOD))
                .isFalse();
        assertThat(verifier.isAuthentic("1953341975595868160", "2026-11-20 09:16:02", "00" + GOOD.substring(2)))
                .isFalse();
        assertThat(verifier.toString()).doesNotContain("mysecret");
    }

    @Test
    void an_authentic_postback_is_applied_once() throws IOException {
        tags.remember(ClientOrderId.of("O000000000001"));

        assertThat(receiver.receive(postback(GOOD))).isEqualTo(KitePostbackReceiver.Outcome.APPLIED);
        assertThat(receiver.receive(postback(GOOD))).isEqualTo(KitePostbackReceiver.Outcome.DUPLICATE);

        assertThat(updates.orders).singleElement().satisfies(order -> {
            assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(order.clientOrderId()).contains(ClientOrderId.of("O000000000001"));
            assertThat(order.brokerOrderId().value()).isEqualTo("1953341975595868160");
        });
    }

    @Test
    void a_bad_checksum_is_refused_with_401_and_never_quarantined() {
        KitePostbackReceiver.Outcome outcome = receiver.receive(postback("deadbeef"));

        assertThat(outcome).isEqualTo(KitePostbackReceiver.Outcome.UNAUTHENTIC);
        assertThat(outcome.httpStatus()).isEqualTo(401);
        assertThat(updates.orders).isEmpty();
        assertThat(updates.malformed).isEmpty();
    }

    @Test
    void unreadable_bodies_are_refused_and_authentic_untranslatable_ones_quarantined() {
        assertThat(receiver.receive("not json")).isEqualTo(KitePostbackReceiver.Outcome.UNREADABLE);
        assertThat(receiver.receive("{\"status\":\"COMPLETE\"}")).isEqualTo(KitePostbackReceiver.Outcome.UNREADABLE);

        String noSymbol = postback(GOOD).replace("\"tradingsymbol\": \"INFY\",", "");

        assertThat(receiver.receive(noSymbol)).isEqualTo(KitePostbackReceiver.Outcome.QUARANTINED);
        assertThat(updates.malformed).singleElement().satisfies(m -> assertThat(m)
                .contains("tradingsymbol"));
    }

    @Test
    void an_update_event_is_a_live_state() {
        String update = postback(GOOD)
                .replace("\"status\": \"COMPLETE\"", "\"status\": \"UPDATE\"")
                .replace("\"filled_quantity\": 10", "\"filled_quantity\": 4");

        assertThat(receiver.parse(update).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }
}
