package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerOrder;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the body of one Kite postback (a raw JSON order, POSTed by Kite to the app's postback
 * URL): checks its checksum, translates it and hands it to the core. The HTTP endpoint in the app
 * only maps the {@link Outcome} to a status code. Unauthenticated bodies are never quarantined, so
 * a stranger cannot fill the quarantine; an authentic body that cannot be translated is.
 * Repeated postbacks (Kite re-posts) are dropped.
 *
 * <p>Thread safety: safe from any thread.
 */
public final class KitePostbackReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(KitePostbackReceiver.class);

    private final KitePostbackVerifier verifier;
    private final BrokerUpdates updates;
    private final KiteOrderMapper mapper;
    private final RecentKeys seen = new RecentKeys(10_000);

    /** What became of a postback, with the HTTP status the endpoint should answer. */
    public enum Outcome {
        APPLIED(200),
        DUPLICATE(200),
        /** Authentic but not translatable: quarantined; Kite need not send it again. */
        QUARANTINED(200),
        /** Checksum missing or wrong. */
        UNAUTHENTIC(401),
        /** Not JSON, or without the fields the checksum needs. */
        UNREADABLE(400);

        private final int httpStatus;

        Outcome(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    public KitePostbackReceiver(KiteConfig config, KiteTagRegistry tags, BrokerUpdates updates, Clock clock) {
        requireNonNull(config, "config is null");
        this.verifier = new KitePostbackVerifier(config.apiSecret()
                .orElseThrow(() -> new IllegalArgumentException(
                        "apiSecret (" + KiteConfig.ENV_API_SECRET + ") is needed for postbacks")));
        this.updates = requireNonNull(updates, "updates is null");
        this.mapper = new KiteOrderMapper(
                config, requireNonNull(tags, "tags is null"), requireNonNull(clock, "clock is null"));
    }

    public Outcome receive(String body) {
        requireNonNull(body, "body is null");
        JsonNode payload;
        try {
            payload = KiteJson.parse(body);
        } catch (KitePayloadException e) {
            LOG.warn("refusing an unreadable Kite postback: {}", e.getMessage());
            return Outcome.UNREADABLE;
        }
        Optional<String> orderId = KiteJson.text(payload, "order_id");
        Optional<String> timestamp = KiteJson.text(payload, "order_timestamp");
        Optional<String> checksum = KiteJson.text(payload, "checksum");
        if (orderId.isEmpty() || timestamp.isEmpty()) {
            LOG.warn("refusing a Kite postback without order_id or order_timestamp");
            return Outcome.UNREADABLE;
        }
        if (checksum.isEmpty() || !verifier.isAuthentic(orderId.get(), timestamp.get(), checksum.get())) {
            LOG.warn("refusing a Kite postback for order {} whose checksum does not match", orderId.get());
            return Outcome.UNAUTHENTIC;
        }
        BrokerOrder order;
        try {
            order = mapper.order(payload);
        } catch (KitePayloadException e) {
            updates.malformedPayload(KiteHttp.BROKER, body, "postback: " + e.getMessage());
            return Outcome.QUARANTINED;
        }
        if (!seen.firstTime(RecentKeys.orderUpdateKey(payload))) {
            return Outcome.DUPLICATE;
        }
        updates.orderUpdated(KiteHttp.BROKER, order);
        return Outcome.APPLIED;
    }

    /** The postback's order, translated, without checking its checksum (for tools and tests). */
    public BrokerOrder parse(String body) {
        try {
            return mapper.order(KiteJson.parse(requireNonNull(body, "body is null")));
        } catch (KitePayloadException e) {
            throw new IllegalArgumentException("not a Kite order postback: " + e.getMessage(), e);
        }
    }
}
