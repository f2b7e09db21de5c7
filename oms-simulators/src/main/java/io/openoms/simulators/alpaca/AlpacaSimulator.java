package io.openoms.simulators.alpaca;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.Price;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Alpaca Trading API v2 look-alike on loopback over a {@link SimulatedVenue}: REST at {@link
 * #baseUrl()} ({@code /v2/orders}, {@code /v2/orders/{id}} GET/PATCH/DELETE, {@code
 * /v2/orders:by_client_order_id}, {@code /v2/positions}, {@code /v2/account}, {@code
 * /v2/account/activities/FILL}, {@code /v2/assets}, {@code /v2/clock}, {@code /v2/calendar}) with the
 * {@code APCA-API-KEY-ID}/{@code APCA-API-SECRET-KEY} headers, and the {@code trade_updates} stream at
 * {@link #streamUrl()}. Written from Alpaca's public documentation, not from any SDK.
 *
 * <p>Faults: the venue's ({@code venue().faults()}) show on the wire as Alpaca would show them: a
 * rejection as HTTP 422 (403 for buying power), a rate limit as 429, an expired session as 401 with
 * the stream dropped, an unknown outcome as a reply held past the client's read timeout (or cut off
 * half-way, {@link #dropRepliesInsteadOfHolding}). {@link #revokeKeys()} and {@link #dropStreams()}
 * add the Alpaca-only ones. Time moves only through {@link #step}, {@link #advanceTo} and {@link
 * #setPrice}. The simulator takes over the venue's update stream. Thread safety: safe from any thread.
 */
public final class AlpacaSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final SimulatedVenue venue;
    private final String keyId;
    private final String secretKey;
    private final Duration replyHold;
    private final AlpacaSimBook book;
    private final AlpacaStreamServer stream;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicInteger rateLimitedRequests = new AtomicInteger();
    private volatile boolean keysRevoked;
    private volatile boolean dropReplies;
    private Javalin server;

    /** A simulator over {@code venue} for the instruments listed there; frames are binary as on paper when asked. */
    public AlpacaSimulator(
            SimulatedVenue venue,
            Collection<Instrument> instruments,
            String keyId,
            String secretKey,
            Duration replyHold,
            boolean binaryFrames) {
        this.venue = requireNonNull(venue, "venue is null");
        this.keyId = requireNonNull(keyId, "keyId is null");
        this.secretKey = requireNonNull(secretKey, "secretKey is null");
        this.replyHold = requireNonNull(replyHold, "replyHold is null");
        List<Instrument> listed = List.copyOf(instruments);
        for (Instrument instrument : listed) {
            if (venue.lastPrice(instrument.id()).isEmpty()) {
                throw new IllegalArgumentException(instrument.id() + " is not listed at venue " + venue.name());
            }
        }
        this.stream = new AlpacaStreamServer(this::authorized, this::refusesStreams, binaryFrames);
        this.book = new AlpacaSimBook(venue, listed, stream::publish, this::revokeKeys);
    }

    public synchronized AlpacaSimulator start() {
        server = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = InetAddress.getLoopbackAddress().getHostAddress();
            javalin.jetty.port = 0;
            for (HandlerType method : List.of(
                    HandlerType.GET, HandlerType.POST, HandlerType.PATCH, HandlerType.DELETE, HandlerType.PUT)) {
                javalin.routes.addHttpHandler(method, "/<path>", this::handle);
            }
        });
        server.start();
        stream.start();
        venue.attach(book);
        return this;
    }

    @Override
    public synchronized void close() {
        stopping.countDown();
        if (server != null) {
            server.stop();
        }
        stream.stop();
    }

    public SimulatedVenue venue() {
        return venue;
    }

    /** The REST host root, e.g. {@code http://127.0.0.1:53211} (paths under {@code /v2}). */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The full stream URL, e.g. {@code ws://127.0.0.1:53212/stream}. */
    public URI streamUrl() {
        return URI.create("ws://127.0.0.1:" + stream.port() + "/stream");
    }

    /** Update frames sent to each listening stream connection, oldest first. */
    public List<Long> streamFrames() {
        return stream.framesPerListeningConnection();
    }

    /** From now on every request answers 401 and the stream refuses the keys, as after a key reset. */
    public void revokeKeys() {
        keysRevoked = true;
        stream.dropAll();
    }

    /** Drops every stream connection now (no close frame). */
    public void dropStreams() {
        stream.dropAll();
    }

    /** An unknown outcome cuts the reply off half-way instead of holding it. */
    public void dropRepliesInsteadOfHolding(boolean on) {
        dropReplies = on;
    }

    public void step(Instant time) {
        book.run(() -> venue.step(time));
        dropStreamsIfVenueDisconnected();
    }

    public void advanceTo(Instant time) {
        book.run(() -> venue.advanceTo(time));
    }

    public void setPrice(InstrumentId instrument, Price price) {
        book.run(() -> venue.setPrice(instrument, price));
    }

    private void dropStreamsIfVenueDisconnected() {
        if (!venue.streamConnected()) {
            stream.dropAll();
        }
    }

    private boolean authorized(String key, String secret) {
        return !keysRevoked && !venue.faults().sessionExpired() && keyId.equals(key) && secretKey.equals(secret);
    }

    private boolean refusesStreams() {
        return !venue.streamConnected() || keysRevoked || venue.faults().sessionExpired();
    }

    private void handle(Context ctx) {
        try {
            try {
                ctx.status(200).contentType("application/json").result(route(ctx));
            } catch (AlpacaApiException e) {
                ObjectNode error = JSON.createObjectNode();
                error.put("code", e.code());
                error.put("message", e.getMessage());
                ctx.status(e.status()).contentType("application/json").result(error.toString());
            } catch (AlpacaSimBook.ReplyLost e) {
                loseReply(ctx);
            } catch (RuntimeException e) {
                LOG.error("The Alpaca simulator failed on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(500).contentType("application/json").result("{\"code\":50010000,\"message\":\"internal\"}");
            }
        } catch (IOException e) {
            LOG.debug("Could not answer {} {}", ctx.method(), ctx.path(), e);
        }
    }

    private String route(Context ctx) {
        if (keysRevoked
                || !keyId.equals(ctx.header("APCA-API-KEY-ID"))
                || !secretKey.equals(ctx.header("APCA-API-SECRET-KEY"))) {
            throw AlpacaApiException.unauthorized();
        }
        if (venue.faults().sessionExpired()) {
            revokeKeys();
            throw AlpacaApiException.unauthorized();
        }
        String method = ctx.method().name();
        String[] path = ctx.path().replaceAll("/+$", "").split("/");
        if (path.length < 3 || !path[1].equals("v2")) {
            throw AlpacaApiException.notFound("Not Found");
        }
        String resource = path[2];
        if (resource.equals("orders") && path.length == 3) {
            if (method.equals("POST")) {
                return book.place(body(ctx)).toString();
            }
            if (method.equals("GET")) {
                String status = Optional.ofNullable(ctx.queryParam("status")).orElse("open");
                int limit = Optional.ofNullable(ctx.queryParam("limit"))
                        .map(Integer::parseInt)
                        .orElse(50);
                boolean ascending = "asc".equals(ctx.queryParam("direction"));
                return book.list(status, time(ctx.queryParam("after")), Math.min(limit, 500), ascending)
                        .toString();
            }
        }
        if (resource.equals("orders:by_client_order_id") && method.equals("GET")) {
            return book.byClientOrderId(Optional.ofNullable(ctx.queryParam("client_order_id"))
                            .orElse(""))
                    .toString();
        }
        if (resource.equals("orders") && path.length == 4) {
            switch (method) {
                case "GET" -> {
                    return book.get(path[3]).toString();
                }
                case "PATCH" -> {
                    return book.replace(path[3], body(ctx)).toString();
                }
                case "DELETE" -> {
                    book.cancel(path[3]);
                    ctx.status(204);
                    return "";
                }
                default -> {}
            }
        }
        if (method.equals("GET")) {
            switch (resource) {
                case "positions" -> {
                    return book.positions().toString();
                }
                case "account" -> {
                    if (path.length == 3) {
                        return account().toString();
                    }
                    if (path.length == 5 && path[3].equals("activities") && path[4].equals("FILL")) {
                        int size = Optional.ofNullable(ctx.queryParam("page_size"))
                                .map(Integer::parseInt)
                                .orElse(100);
                        return book.fills(
                                        time(ctx.queryParam("after")),
                                        Optional.ofNullable(ctx.queryParam("page_token")),
                                        Math.min(size, 100))
                                .toString();
                    }
                }
                case "assets" -> {
                    return book.assets().toString();
                }
                case "clock" -> {
                    return clock().toString();
                }
                case "calendar" -> {
                    return calendar(ctx).toString();
                }
                default -> {}
            }
        }
        throw AlpacaApiException.notFound("Not Found");
    }

    private ObjectNode account() {
        ObjectNode account = JSON.createObjectNode();
        account.put("id", "a1b2c3d4-0000-4000-8000-000000000001");
        account.put("account_number", "PA0SIMULATOR");
        account.put("status", "ACTIVE");
        account.put("currency", "USD");
        account.put("buying_power", "400000");
        account.put("cash", "100000");
        account.put("portfolio_value", "100000");
        account.put("trading_blocked", false);
        account.put("pattern_day_trader", false);
        return account;
    }

    /** 09:30–16:00 New York on weekdays; the simulator knows no holidays. */
    private ObjectNode clock() {
        Instant now = venue.now();
        OffsetDateTime local = now.atZone(NEW_YORK).toOffsetDateTime();
        LocalDate date = local.toLocalDate();
        boolean weekday = date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
        Instant open = date.atTime(9, 30).atZone(NEW_YORK).toInstant();
        Instant close = date.atTime(16, 0).atZone(NEW_YORK).toInstant();
        boolean isOpen = weekday && !now.isBefore(open) && now.isBefore(close);
        LocalDate nextDay = weekday && now.isBefore(open) ? date : nextWeekday(date);
        ObjectNode clock = JSON.createObjectNode();
        clock.put("timestamp", local.toString());
        clock.put("is_open", isOpen);
        clock.put(
                "next_open",
                nextDay.atTime(9, 30).atZone(NEW_YORK).toOffsetDateTime().toString());
        LocalDate closeDay = weekday && now.isBefore(close) ? date : nextWeekday(date);
        clock.put(
                "next_close",
                closeDay.atTime(16, 0).atZone(NEW_YORK).toOffsetDateTime().toString());
        return clock;
    }

    private ArrayNode calendar(Context ctx) {
        LocalDate today = venue.now().atZone(NEW_YORK).toLocalDate();
        LocalDate start = Optional.ofNullable(ctx.queryParam("start"))
                .map(LocalDate::parse)
                .orElse(today);
        LocalDate end =
                Optional.ofNullable(ctx.queryParam("end")).map(LocalDate::parse).orElse(start.plusDays(30));
        ArrayNode days = JSON.createArrayNode();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            ObjectNode row = days.addObject();
            row.put("date", day.toString());
            row.put("open", "09:30");
            row.put("close", "16:00");
        }
        return days;
    }

    private static LocalDate nextWeekday(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static Optional<Instant> time(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(text).atStartOfDay(NEW_YORK).toInstant());
            } catch (DateTimeParseException again) {
                throw AlpacaApiException.unprocessable("invalid timestamp " + text);
            }
        }
    }

    private static JsonNode body(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            throw AlpacaApiException.unprocessable("send a JSON body");
        }
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw AlpacaApiException.unprocessable("the body is not a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw AlpacaApiException.unprocessable("the body is not JSON");
        }
    }

    /** Holds the reply past any sane read timeout (or, when asked, sends half of one) and closes the connection. */
    private void loseReply(Context ctx) throws IOException {
        if (!dropReplies) {
            try {
                stopping.await(replyHold.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            byte[] body = "{\"id\":\"lost\",\"status\":\"new\"}".getBytes(StandardCharsets.UTF_8);
            ctx.status(200).contentType("application/json");
            ctx.res().setContentLength(body.length);
            OutputStream out = ctx.res().getOutputStream();
            out.write(body, 0, body.length / 2);
            out.flush();
        }
        ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData()
                .getConnection()
                .getEndPoint()
                .close();
    }
}
