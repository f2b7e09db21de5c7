package io.openoms.adapters.broker.zerodha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KiteTokenStoreTest {
    @TempDir
    Path dataDirectory;

    @Test
    void the_token_file_is_readable_by_its_owner_only() throws IOException {
        KiteTokenStore store = new KiteTokenStore(dataDirectory);

        store.save(new KiteAccessGrant("AB1234", "tok3n", KiteFixtures.NOW));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(store.file().getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.list(store.file().getParent())).containsExactly(store.file());
    }

    @Test
    void a_saved_grant_is_loaded_back_and_replaced_by_the_next() throws IOException {
        KiteTokenStore store = new KiteTokenStore(dataDirectory);
        store.save(new KiteAccessGrant("AB1234", "first", KiteFixtures.NOW));
        store.save(new KiteAccessGrant("AB1234", "second", KiteFixtures.NOW.plusSeconds(60)));

        KiteAccessGrant loaded = store.load().orElseThrow();

        assertThat(loaded.accessToken()).isEqualTo("second");
        assertThat(loaded.loginTime()).isEqualTo(KiteFixtures.NOW.plusSeconds(60));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
    }

    @Test
    void nothing_stored_is_empty_and_a_damaged_file_is_an_error() throws IOException {
        KiteTokenStore store = new KiteTokenStore(dataDirectory);

        assertThat(store.load()).isEmpty();

        Files.createDirectories(store.file().getParent());
        Files.writeString(store.file(), "only one line\n");

        assertThatThrownBy(store::load).isInstanceOf(IOException.class).hasMessageContaining("damaged");
    }
}
