package io.openoms.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.app.config.ConfigException;
import io.openoms.app.config.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T09:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void a_created_key_authenticates_with_its_role_and_only_its_hash_is_stored_owner_only() throws Exception {
        ApiKeyStore store = ApiKeyStore.open(data, Secret.NONE, CLOCK);
        String key = store.create("desk", Role.TRADER);

        assertThat(store.authenticate(key)).contains(new ApiPrincipal("desk", Role.TRADER));
        assertThat(store.authenticate(key + "x")).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
        assertThat(store.authenticate(null)).isEmpty();
        String file = Files.readString(data.resolve(ApiKeyStore.FILE_NAME));
        assertThat(file).doesNotContain(key).contains("\"sha256\"").contains("\"trader\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(ApiKeyStore.FILE_NAME))))
                .isEqualTo("rw-------");
        assertThat(key).startsWith("oms_").hasSizeGreaterThan(40);
    }

    @Test
    void keys_survive_a_reopen_and_keys_added_by_another_process_are_seen() {
        ApiKeyStore first = ApiKeyStore.open(data, Secret.NONE, CLOCK);
        String viewer = first.create("viewer", Role.VIEWER);
        ApiKeyStore second = ApiKeyStore.open(data, Secret.NONE, CLOCK);
        String admin = second.create("ops", Role.ADMIN);

        assertThat(second.authenticate(viewer)).contains(new ApiPrincipal("viewer", Role.VIEWER));
        assertThat(first.authenticate(admin)).contains(new ApiPrincipal("ops", Role.ADMIN));
        assertThatThrownBy(() -> first.create("ops", Role.VIEWER)).hasMessageContaining("exists already");
    }

    @Test
    void the_configured_admin_key_is_an_admin_without_being_written_anywhere() {
        ApiKeyStore store = ApiKeyStore.open(data, Secret.of("automation-key-0123456789"), CLOCK);

        assertThat(store.isEmpty()).isFalse();
        assertThat(store.authenticate("automation-key-0123456789"))
                .map(ApiPrincipal::role)
                .contains(Role.ADMIN);
        assertThat(Files.exists(data.resolve(ApiKeyStore.FILE_NAME))).isFalse();
    }

    @Test
    void the_first_start_creates_one_admin_key_and_prints_it_once() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        ApiKeyStore store = ApiKeyBootstrap.ensureKeys(ApiKeyStore.open(data, Secret.NONE, CLOCK), "127.0.0.1", out);
        String printed = console.toString(StandardCharsets.UTF_8);
        String key = printed.substring(printed.indexOf("X-API-Key: ") + 11).trim();
        ApiKeyBootstrap.ensureKeys(ApiKeyStore.open(data, Secret.NONE, CLOCK), "127.0.0.1", out);

        assertThat(store.authenticate(key)).map(ApiPrincipal::role).contains(Role.ADMIN);
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo(printed);
        assertThat(store.keys()).hasSize(1);
    }

    @Test
    void without_keys_the_server_refuses_to_listen_beyond_this_machine() {
        ApiKeyStore store = ApiKeyStore.open(data, Secret.NONE, CLOCK);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ApiKeyBootstrap.ensureKeys(store, "0.0.0.0", out))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OMS_HTTP_HOST")
                .hasMessageContaining("OMS_ADMIN_API_KEY");
        assertThat(store.isEmpty()).isTrue();
        assertThat(ApiKeyBootstrap.isLoopback("localhost")).isTrue();
        assertThat(ApiKeyBootstrap.isLoopback("127.0.0.1")).isTrue();
        assertThat(ApiKeyBootstrap.isLoopback("::1")).isTrue();
        assertThat(ApiKeyBootstrap.isLoopback("192.168.1.5")).isFalse();
        assertThat(ApiKeyBootstrap.isLoopback("example.com")).isFalse();
    }

    @Test
    void roles_include_the_lesser_roles_only() {
        assertThat(Role.ADMIN.includes(Role.TRADER)).isTrue();
        assertThat(Role.TRADER.includes(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.includes(Role.TRADER)).isFalse();
        assertThat(Role.TRADER.includes(Role.ADMIN)).isFalse();
        assertThat(Role.parse("Trader")).isEqualTo(Role.TRADER);
        assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("allowed: viewer, trader, admin");
        assertThat(Optional.of(Role.ADMIN.label())).contains("admin");
    }

    @Test
    void a_revoked_key_is_refused_at_once_by_every_store_on_the_file() {
        ApiKeyStore cli = ApiKeyStore.open(data, Secret.NONE, CLOCK);
        ApiKeyStore server = ApiKeyStore.open(data, Secret.NONE, CLOCK);
        String key = cli.create("script", Role.TRADER);
        String other = cli.create("desk", Role.VIEWER);
        assertThat(server.authenticate(key)).isPresent();

        StoredApiKey revoked = cli.revoke("script");

        assertThat(revoked.name()).isEqualTo("script");
        assertThat(revoked.role()).isEqualTo(Role.TRADER);
        assertThat(server.authenticate(key)).isEmpty();
        assertThat(cli.authenticate(key)).isEmpty();
        assertThat(server.authenticate(other)).contains(new ApiPrincipal("desk", Role.VIEWER));
        assertThat(server.keys()).extracting(StoredApiKey::name).containsExactly("desk");
        assertThatThrownBy(() -> cli.revoke("script")).hasMessageContaining("no API key is named 'script'");
    }

    @Test
    void changes_in_quick_succession_are_all_seen_even_within_one_modification_time_tick() {
        ApiKeyStore cli = ApiKeyStore.open(data, Secret.NONE, CLOCK);
        ApiKeyStore server = ApiKeyStore.open(data, Secret.NONE, CLOCK);
        for (int i = 0; i < 20; i++) {
            String key = cli.create("k" + i, Role.VIEWER);
            assertThat(server.authenticate(key)).as("created %d", i).isPresent();
            cli.revoke("k" + i);
            assertThat(server.authenticate(key)).as("revoked %d", i).isEmpty();
        }
    }

    @Test
    void a_name_must_be_short_and_plain() {
        ApiKeyStore store = ApiKeyStore.open(data, Secret.NONE, CLOCK);

        assertThatThrownBy(() -> store.create("two words", Role.VIEWER)).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> store.create("x".repeat(65), Role.VIEWER)).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> store.create("-flag", Role.VIEWER)).hasMessageStartingWith("name:");
        assertThat(store.create("ci-bot@desk.1", Role.VIEWER)).startsWith("oms_");
    }
}
