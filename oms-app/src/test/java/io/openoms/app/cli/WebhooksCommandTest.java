package io.openoms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import io.openoms.app.security.ApiKeyStore;
import io.openoms.app.security.WebhookTokens;
import io.openoms.domain.value.StrategyId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhooksCommandTest {
    private static final Function<OmsConfig, OmsRuntime> NO_RUNTIME = config -> {
        throw new AssertionError("webhooks never starts the server");
    };

    @TempDir
    Path data;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int oms(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.execute(
                args, Map.of("OMS_DATA_DIR", data.toString()), NO_RUNTIME, new PrintWriter(out), new PrintWriter(err));
    }

    private WebhookTokens tokens() {
        return new WebhookTokens(ApiKeyStore.openWebhookTokens(data, Clock.systemUTC()));
    }

    @Test
    void create_prints_the_token_once_list_shows_the_strategy_and_revoke_ends_it() throws Exception {
        assertThat(oms("webhooks", "create", "--strategy", "ema-cross")).isZero();
        String token = out.toString().trim();
        assertThat(token).startsWith("whk_").doesNotContain("\n");
        assertThat(err.toString()).contains("shown only this once").doesNotContain(token);
        assertThat(tokens().strategyOf(token)).contains(StrategyId.of("ema-cross"));
        assertThat(Files.readString(data.resolve(ApiKeyStore.WEBHOOK_FILE_NAME)))
                .doesNotContain(token);

        assertThat(oms("webhooks", "list")).isZero();
        assertThat(out.toString()).contains("ema-cross").doesNotContain(token);

        assertThat(oms("webhooks", "revoke", "ema-cross")).isZero();
        assertThat(tokens().strategyOf(token)).isEmpty();
    }

    @Test
    void mistakes_exit_2_with_one_line_saying_what_is_wrong() {
        assertThat(oms("webhooks", "revoke", "nobody")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("no webhook token is named 'nobody'");
        assertThat(oms("webhooks", "create", "--strategy", "a b")).isEqualTo(Cli.USAGE);
        oms("webhooks", "create", "--strategy", "s1");
        assertThat(oms("webhooks", "create", "--strategy", "s1")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("exists already");
    }
}
