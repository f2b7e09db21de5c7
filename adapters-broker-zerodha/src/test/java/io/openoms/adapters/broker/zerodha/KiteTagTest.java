package io.openoms.adapters.broker.zerodha;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.order.ClientOrderId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KiteTagTest {
    @TempDir
    Path directory;

    @Test
    void a_short_alphanumeric_id_is_its_own_tag() {
        assertThat(KiteTag.of(ClientOrderId.of("O000000000001"))).isEqualTo("O000000000001");
    }

    @Test
    void any_other_id_gets_a_stable_twenty_character_hashed_tag() {
        ClientOrderId ulid = ClientOrderId.of("01JD3Z8Q9X7Y6W5V4U3T2S1R0Q");
        ClientOrderId punctuated = ClientOrderId.of("ord-42");

        String tag = KiteTag.of(ulid);

        assertThat(tag).hasSize(20).matches("[0-9A-Z]{20}").isEqualTo(KiteTag.of(ulid));
        assertThat(KiteTag.of(punctuated)).hasSize(20).isNotEqualTo(tag);
        assertThat(KiteTag.of(ClientOrderId.of("A2345678901234567890")))
                .hasSize(20)
                .isNotEqualTo("A2345678901234567890");
    }

    @Test
    void only_remembered_tags_stand_for_our_orders() throws IOException {
        KiteTagRegistry registry = KiteTagRegistry.inMemory();
        ClientOrderId id = ClientOrderId.of("01JD3Z8Q9X7Y6W5V4U3T2S1R0Q");

        String tag = registry.remember(id);

        assertThat(registry.clientOrderId(tag)).contains(id);
        assertThat(registry.clientOrderId("handmade")).isEmpty();
        assertThat(registry.clientOrderId(null)).isEmpty();
    }

    @Test
    void a_persistent_registry_finds_its_tags_after_a_restart() throws IOException {
        Path file = directory.resolve("kite/tags");
        ClientOrderId hashed = ClientOrderId.of("01JD3Z8Q9X7Y6W5V4U3T2S1R0Q");
        ClientOrderId direct = ClientOrderId.of("O000000000009");
        KiteTagRegistry before = KiteTagRegistry.persistent(file);
        String hashedTag = before.remember(hashed);
        before.remember(direct);
        before.remember(direct);

        KiteTagRegistry after = KiteTagRegistry.persistent(file);

        assertThat(after.clientOrderId(hashedTag)).contains(hashed);
        assertThat(after.clientOrderId("O000000000009")).contains(direct);
        assertThat(Files.readAllLines(file)).hasSize(2);
    }
}
