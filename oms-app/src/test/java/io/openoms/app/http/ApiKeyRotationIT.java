package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.app.cli.Cli;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code oms api-keys} against the data directory of a running server: no restart needed either way. */
class ApiKeyRotationIT {
    private static final Function<OmsConfig, OmsRuntime> NO_RUNTIME = config -> {
        throw new AssertionError("api-keys never starts the server");
    };

    @Test
    void a_key_created_with_the_cli_works_at_once_and_is_refused_at_once_after_its_revocation() {
        try (ApiTestApp app = ApiTestApp.start(TestDatabase.Kind.EMBEDDED, "")) {
            Map<String, String> environment = Map.of("OMS_DATA_DIR", app.data.toString());
            StringWriter created = new StringWriter();
            assertThat(Cli.execute(
                            new String[] {"api-keys", "create", "--name", "rotated", "--role", "trader"},
                            environment,
                            NO_RUNTIME,
                            new PrintWriter(created),
                            new PrintWriter(new StringWriter())))
                    .isZero();
            String key = created.toString().trim();

            ApiClient.Response cancelAll = app.client.post(key, "/api/v1/orders/cancel-all", "{}");
            ApiClient.Response halt = app.client.put(
                    key, "/api/v1/risk/trading-state", "{\"state\":\"HALTED\",\"reason\":\"not a trader's call\"}");
            assertThat(cancelAll.status()).as(cancelAll.toString()).isEqualTo(202);
            assertThat(halt.status()).isEqualTo(403);

            assertThat(Cli.execute(
                            new String[] {"api-keys", "revoke", "rotated"},
                            environment,
                            NO_RUNTIME,
                            new PrintWriter(new StringWriter()),
                            new PrintWriter(new StringWriter())))
                    .isZero();

            ApiClient.Response afterRevocation = app.client.get(key, "/api/v1/orders");
            assertThat(afterRevocation.status()).isEqualTo(401);
            assertThat(app.client.get(app.trader, "/api/v1/orders").status()).isEqualTo(200);
        }
    }
}
