package io.openoms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.Secret;
import io.openoms.app.runtime.OmsRuntime;
import io.openoms.app.security.ApiKeyStore;
import io.openoms.app.security.ApiPrincipal;
import io.openoms.app.security.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysCommandTest {
    private static final Function<OmsConfig, OmsRuntime> NO_RUNTIME = config -> {
        throw new AssertionError("api-keys never starts the server");
    };

    @TempDir
    Path data;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int oms(String... args) {
        return omsWith(Map.of("OMS_DATA_DIR", data.toString()), args);
    }

    private int omsWith(Map<String, String> environment, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.execute(args, environment, NO_RUNTIME, new PrintWriter(out), new PrintWriter(err));
    }

    private ApiKeyStore store() {
        return ApiKeyStore.open(data, Secret.NONE, Clock.systemUTC());
    }

    @Test
    void create_prints_the_key_alone_on_stdout_once_and_stores_only_its_hash() throws Exception {
        int exit = oms("api-keys", "create", "--name", "ci-bot", "--role", "trader");

        assertThat(exit).isZero();
        String key = out.toString().trim();
        assertThat(key).startsWith("oms_").doesNotContain("\n");
        assertThat(err.toString())
                .contains("'ci-bot'")
                .contains("shown only this once")
                .doesNotContain(key);
        assertThat(store().authenticate(key)).contains(new ApiPrincipal("ci-bot", Role.TRADER));
        assertThat(Files.readString(data.resolve(ApiKeyStore.FILE_NAME))).doesNotContain(key);
    }

    @Test
    void list_shows_names_roles_and_creation_times_but_never_a_key_or_its_hash() throws Exception {
        String admin = store().create("ops", Role.ADMIN);
        String viewer = store().create("dashboard", Role.VIEWER);

        int exit = omsWith(
                Map.of("OMS_DATA_DIR", data.toString(), "OMS_ADMIN_API_KEY", "automation-key-0123456789"),
                "api-keys",
                "list");

        assertThat(exit).isZero();
        String listing = out.toString();
        assertThat(listing.lines().findFirst())
                .hasValueSatisfying(header -> assertThat(header).matches("NAME\\s+ROLE\\s+CREATED"));
        assertThat(listing)
                .containsPattern("ops\\s+admin\\s+\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
                .containsPattern("dashboard\\s+viewer\\s+")
                .contains("OMS_ADMIN_API_KEY")
                .doesNotContain(admin)
                .doesNotContain(viewer)
                .doesNotContain("automation-key-0123456789")
                .doesNotContainPattern("[0-9a-f]{64}");
    }

    @Test
    void list_without_keys_says_where_it_looked() {
        assertThat(oms("api-keys", "list")).isZero();
        assertThat(out.toString()).contains("no API keys are stored in").contains(ApiKeyStore.FILE_NAME);
    }

    @Test
    void revoke_removes_the_key_and_warns_when_no_stored_admin_key_is_left() {
        String key = store().create("ops", Role.ADMIN);
        store().create("desk", Role.TRADER);

        int exit = oms("api-keys", "revoke", "ops");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Revoked the admin API key 'ops'");
        assertThat(err.toString()).contains("no stored admin key is left");
        assertThat(store().authenticate(key)).isEmpty();
        assertThat(store().keys()).extracting(k -> k.name()).containsExactly("desk");
    }

    @Test
    void mistakes_exit_2_with_one_line_saying_what_is_wrong() {
        store().create("ops", Role.ADMIN);

        assertThat(oms("api-keys", "revoke", "nobody")).isEqualTo(Cli.USAGE);
        assertThat(err.toString())
                .isEqualTo("oms api-keys revoke: name: no API key is named 'nobody'; 'oms api-keys"
                        + " list' shows the names" + System.lineSeparator());
        assertThat(oms("api-keys", "create", "--name", "ops", "--role", "viewer"))
                .isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("exists already");
        assertThat(oms("api-keys", "create", "--name", "x", "--role", "root")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("allowed: viewer, trader, admin");
        assertThat(oms("api-keys", "create", "--name", "x")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("--role");
        assertThat(out.toString()).isEmpty();
        assertThat(store().keys()).hasSize(1);
    }
}
