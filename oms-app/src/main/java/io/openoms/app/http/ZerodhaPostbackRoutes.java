package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.adapters.broker.zerodha.KitePostbackReceiver;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/zerodha/postback}: Kite's order postbacks (the raw JSON order Kite posts to the
 * app's postback URL). Kite cannot send an API key, so this endpoint is NOT behind the API keys: the
 * postback's own checksum ({@code sha256(order_id + order_timestamp + api_secret)}) authenticates it.
 * The body is read as strictly as any other input first ({@link KitePostbackFields}: JSON declared
 * {@code application/json}, ASCII digits, Kite's enums exactly, no control characters; 415/400 with
 * the field errors). A missing or wrong checksum is then answered 401 and nothing is applied; an
 * authentic one 200 after it was handed to the core. Every error has the API's JSON shape. Without an api secret ({@code
 * OMS_KITE_API_SECRET}) no postback can be verified, and every one is answered 503.
 */
public final class ZerodhaPostbackRoutes implements HttpRoutes {
    public static final String PATH = "/api/v1/zerodha/postback";
    private static final Logger LOG = LoggerFactory.getLogger(ZerodhaPostbackRoutes.class);

    private final Optional<KitePostbackReceiver> receiver;

    public ZerodhaPostbackRoutes(Optional<KitePostbackReceiver> receiver) {
        this.receiver = requireNonNull(receiver, "receiver is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PATH, this::receive);
    }

    private void receive(Context ctx) {
        if (receiver.isEmpty()) {
            throw new ApiException(
                    503,
                    "POSTBACKS_DISABLED",
                    "postbacks cannot be verified: broker.zerodha.api-secret (OMS_KITE_API_SECRET) is not set");
        }
        ObjectNode body = ApiJson.body(ctx, false);
        Map<String, String> problems = KitePostbackFields.problems(body);
        if (!problems.isEmpty()) {
            LOG.warn("refusing a malformed Kite postback: {}", problems.keySet());
            throw ApiException.invalidFields(problems);
        }
        KitePostbackReceiver.Outcome outcome = receiver.get().receive(ApiJson.text(body));
        switch (outcome) {
            case APPLIED, DUPLICATE, QUARANTINED -> ApiJson.write(
                    ctx, 200, Map.of("status", outcome.name().toLowerCase(Locale.ROOT)));
            case UNAUTHENTIC -> throw new ApiException(
                    401, "UNAUTHENTICATED", "the postback's checksum is missing or does not match");
            case UNREADABLE -> throw ApiException.badRequest(
                    "not a Kite order postback (JSON with order_id and order_timestamp)");
        }
    }
}
