package io.openoms.adapters.broker.zerodha;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class KiteSessionTest {
    private static KiteSession session(KiteConfig config, Instant now) {
        return new KiteSession(config, new OkHttpClient(), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void the_checksum_is_the_lowercase_hex_sha256_of_key_request_token_and_secret() {
        // sha256("xyz123" + "abcrequesttoken" + "mysecret"), computed independently.
        assertThat(KiteSession.checksum("xyz123", "abcrequesttoken", "mysecret"))
                .isEqualTo("deeead2a308ae0c700a8b587d6d3c327d5fca49041c4e520172377ede4ed815e");
    }

    @Test
    void the_login_url_carries_the_version_and_api_key() {
        KiteSession session = session(KiteFixtures.config().build(), KiteFixtures.NOW);

        assertThat(session.loginUrl())
                .isEqualTo(URI.create("https://kite.zerodha.com/connect/login?v=3&api_key=xyz123"));
    }

    @Test
    void a_token_expires_at_six_in_the_morning_ist_after_the_login() {
        KiteSession session = session(KiteFixtures.config().build(), KiteFixtures.NOW);

        // 09:00 IST on the 20th → 06:00 IST on the 21st.
        assertThat(session.expiresAt(Instant.parse("2026-11-20T03:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-21T00:30:00Z"));
        // 23:59 IST → 06:00 IST the next morning.
        assertThat(session.expiresAt(Instant.parse("2026-11-20T18:29:00Z")))
                .isEqualTo(Instant.parse("2026-11-21T00:30:00Z"));
        // 05:00 IST → 06:00 IST the same morning.
        assertThat(session.expiresAt(Instant.parse("2026-11-19T23:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-20T00:30:00Z"));
    }

    @Test
    void health_goes_from_authenticated_to_expired_to_relogin_required() {
        KiteConfig config = KiteFixtures.config().build();
        KiteSession fresh = session(config, KiteFixtures.NOW);
        KiteSession nextMorning = new KiteSession(config, new OkHttpClient(), new Clock() {
            private Instant now = KiteFixtures.NOW;

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Instant current = now;
                now = Instant.parse("2026-11-21T00:31:00Z");
                return current;
            }
        });

        assertThat(fresh.state()).isEqualTo(KiteSessionState.AUTHENTICATED);
        assertThat(fresh.authorization()).contains("token xyz123:" + KiteFixtures.ACCESS_TOKEN);
        assertThat(nextMorning.state()).isEqualTo(KiteSessionState.EXPIRED);
        assertThat(nextMorning.authorization()).isEmpty();
        assertThat(nextMorning.health().detail()).contains("expired");

        fresh.invalidate("Incorrect `api_key` or `access_token`.");

        assertThat(fresh.state()).isEqualTo(KiteSessionState.RELOGIN_REQUIRED);
        assertThat(fresh.authorization()).isEmpty();
        assertThat(fresh.health().detail()).contains("refused").doesNotContain(KiteFixtures.ACCESS_TOKEN);

        fresh.activate(new KiteAccessGrant("AB1234", "newToken", KiteFixtures.NOW));

        assertThat(fresh.state()).isEqualTo(KiteSessionState.AUTHENTICATED);
        assertThat(fresh.authorization()).contains("token xyz123:newToken");
    }

    @Test
    void a_late_refusal_of_an_old_token_does_not_end_a_new_login() {
        KiteSession session = session(KiteFixtures.config().build(), KiteFixtures.NOW);
        String old = session.authorization().orElseThrow();
        session.activate(new KiteAccessGrant("AB1234", "newToken", KiteFixtures.NOW));

        session.invalidate(old, "TokenException");

        assertThat(session.state()).isEqualTo(KiteSessionState.AUTHENTICATED);
    }

    @Test
    void listeners_hear_of_the_first_refusal_of_a_token_and_of_each_new_token_without_the_token_itself() {
        KiteSession session = session(KiteFixtures.config().build(), KiteFixtures.NOW);
        List<KiteSessionHealth> heard = new CopyOnWriteArrayList<>();
        session.onChange(heard::add);

        session.invalidate("TokenException: Incorrect `api_key` or `access_token`.");
        session.invalidate("TokenException again");
        session.activate(new KiteAccessGrant("AB1234", "newToken", KiteFixtures.NOW));

        assertThat(heard)
                .extracting(KiteSessionHealth::state)
                .containsExactly(KiteSessionState.RELOGIN_REQUIRED, KiteSessionState.AUTHENTICATED);
        assertThat(heard.get(0).detail()).contains("log in again").doesNotContain(KiteFixtures.ACCESS_TOKEN);
    }

    @Test
    void without_a_token_a_login_is_required() {
        KiteSession session = session(KiteConfig.builder("xyz123").build(), KiteFixtures.NOW);

        assertThat(session.state()).isEqualTo(KiteSessionState.RELOGIN_REQUIRED);
        assertThat(session.isExpired(KiteFixtures.NOW)).isTrue();
        assertThat(session.health().detail()).contains("oms zerodha login-url");
    }

    @Test
    void grants_and_sessions_never_print_the_token() {
        KiteAccessGrant grant = new KiteAccessGrant("AB1234", "s3cretT0ken", KiteFixtures.NOW);

        assertThat(grant.toString()).doesNotContain("s3cretT0ken").contains("AB1234");
        assertThat(session(KiteFixtures.config().build(), KiteFixtures.NOW).redact("x acc3ssT0ken mysecret y"))
                .isEqualTo("x *** *** y");
    }
}
