package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.adapters.broker.zerodha.KitePostbackReceiver;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/zerodha/postback}: Kite's order postbacks (the raw JSON order Kite posts to the
 * app's postback URL). Kite cannot send an API key, so this endpoint is NOT behind the API keys: the
 * postback's own checksum ({@code sha256(order_id + order_timestamp + api_secret)}) authenticates it.
 * A missing or wrong checksum is answered 401 and nothing is applied; an unreadable body 400; an
 * authentic one 200 after it was handed to the core. Without an api secret ({@code
 * OMS_KITE_API_SECRET}) no postback can be verified, and every one is answered 503.
 */
public final class ZerodhaPostbackRoutes implements HttpRoutes {
    public static final String PATH = "/api/v1/zerodha/postback";

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
            ctx.status(503)
                    .json(
                            error(
                                    "POSTBACKS_DISABLED",
                                    "postbacks cannot be verified: broker.zerodha.api-secret (OMS_KITE_API_SECRET) is not set"));
            return;
        }
        KitePostbackReceiver.Outcome outcome = receiver.get().receive(ctx.body());
        switch (outcome) {
            case APPLIED, DUPLICATE, QUARANTINED -> ctx.status(200)
                    .json(Map.of("status", outcome.name().toLowerCase(java.util.Locale.ROOT)));
            case UNAUTHENTIC -> ctx.status(401)
                    .json(error("UNAUTHENTICATED", "the postback's checksum is missing or does not match"));
            case UNREADABLE -> ctx.status(400)
                    .json(error("BAD_REQUEST", "not a Kite order postback (JSON with order_id and order_timestamp)"));
        }
    }

    private static JavalinHttpServer.ErrorBody error(String code, String message) {
        return JavalinHttpServer.ErrorBody.of(code, message);
    }
}
