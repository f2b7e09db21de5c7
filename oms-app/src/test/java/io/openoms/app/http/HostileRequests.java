package io.openoms.app.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.app.http.RawHttp.Request;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Requests every one of which the API must refuse with a 4xx: a valid request for some endpoint with
 * exactly one thing made wrong (a field's type, number or enum spelling, a control character, the
 * encoding, the size, the media type, the id, the key or its role). Seeded, so a failure repeats.
 */
final class HostileRequests {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Decimal texts the API refuses: signs, spaces, exponents, other digits, too many digits, not numbers. */
    static final List<String> BAD_DECIMALS = List.of(
            " 5",
            "5 ",
            "+5",
            "١٢",
            "５",
            "1e2",
            "1E400",
            "-1",
            "NaN",
            "Infinity",
            "",
            "0x10",
            "1,5",
            "1.2.3",
            "½",
            ".5",
            "5.",
            "1234567890123456789",
            "0.123456789",
            "5\u0000",
            "\t5",
            "--5",
            "5-");

    /** Raw JSON numbers the API refuses. */
    static final List<String> BAD_NUMBERS =
            List.of("1e400", "1E999", "-5", "1.5e1", "0.000000001", "123456789012345678901");

    private static final List<String> CONTROL =
            List.of("\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u2028", "\u202e");

    private final Random random;
    private final String admin;
    private final String trader;
    private final String viewer;
    private final String orderId;

    HostileRequests(Random random, String admin, String trader, String viewer, String orderId) {
        this.random = random;
        this.admin = admin;
        this.trader = trader;
        this.viewer = viewer;
        this.orderId = orderId;
    }

    /** A body endpoint: its method, path, the role it needs, a valid body and how each field is typed. */
    record BodyEndpoint(String method, String path, String role, ObjectNode valid, Map<String, Kind> fields) {}

    enum Kind {
        DECIMAL,
        ENUM,
        TEXT,
        WHOLE
    }

    List<BodyEndpoint> bodyEndpoints() {
        ObjectNode submit = object(
                "instrument",
                "NSE:INFY",
                "side",
                "BUY",
                "quantity",
                "1",
                "type",
                "LIMIT",
                "price",
                "1490",
                "timeInForce",
                "DAY",
                "strategy",
                "fuzz",
                "tag",
                "fz",
                "clientOrderId",
                "fuzz-never-stored");
        ObjectNode signal = object("symbol", "INFY", "side", "SELL", "qty", "1", "reason", "fuzz signal");
        ObjectNode modify = object("quantity", "2", "price", "1491");
        ObjectNode limits = object("maxOrderQuantity", "10", "maxOrderNotional", "100000", "priceBandPercent", "5");
        limits.put("maxOpenOrders", 10);
        ObjectNode state = object("state", "HALTED", "reason", "fuzz");
        ObjectNode cancelAll = object("account", "PAPER", "strategy", "fuzz-none");
        return List.of(
                new BodyEndpoint(
                        "POST",
                        "/api/v1/orders",
                        "trader",
                        submit,
                        Map.of(
                                "quantity",
                                Kind.DECIMAL,
                                "price",
                                Kind.DECIMAL,
                                "side",
                                Kind.ENUM,
                                "type",
                                Kind.ENUM,
                                "timeInForce",
                                Kind.ENUM,
                                "strategy",
                                Kind.TEXT,
                                "tag",
                                Kind.TEXT,
                                "instrument",
                                Kind.TEXT,
                                "clientOrderId",
                                Kind.TEXT)),
                new BodyEndpoint(
                        "POST",
                        "/api/v1/signals",
                        "trader",
                        signal,
                        Map.of("qty", Kind.DECIMAL, "side", Kind.ENUM, "reason", Kind.TEXT, "symbol", Kind.TEXT)),
                new BodyEndpoint(
                        "PATCH",
                        "/api/v1/orders/" + orderId,
                        "trader",
                        modify,
                        Map.of("quantity", Kind.DECIMAL, "price", Kind.DECIMAL)),
                new BodyEndpoint(
                        "PUT",
                        "/api/v1/risk/limits",
                        "admin",
                        limits,
                        Map.of(
                                "maxOrderQuantity",
                                Kind.DECIMAL,
                                "maxOrderNotional",
                                Kind.DECIMAL,
                                "priceBandPercent",
                                Kind.DECIMAL,
                                "maxOpenOrders",
                                Kind.WHOLE)),
                new BodyEndpoint(
                        "PUT",
                        "/api/v1/risk/trading-state",
                        "admin",
                        state,
                        Map.of("state", Kind.ENUM, "reason", Kind.TEXT)),
                new BodyEndpoint(
                        "POST",
                        "/api/v1/orders/cancel-all",
                        "trader",
                        cancelAll,
                        Map.of("account", Kind.TEXT, "strategy", Kind.TEXT)));
    }

    Request next() {
        int pick = random.nextInt(100);
        if (pick < 55) {
            return badField(oneOf(bodyEndpoints()));
        }
        if (pick < 70) {
            return badBody(oneOf(bodyEndpoints()));
        }
        if (pick < 80) {
            return badKeyOrRole(oneOf(bodyEndpoints()));
        }
        if (pick < 90) {
            return badPath();
        }
        return badQuery();
    }

    /** One field of a valid body made wrong for its kind. */
    private Request badField(BodyEndpoint endpoint) {
        String field = oneOf(List.copyOf(endpoint.fields().keySet()));
        Kind kind = endpoint.fields().get(field);
        ObjectNode body = endpoint.valid().deepCopy();
        String raw = null;
        switch (kind) {
            case DECIMAL -> {
                if (random.nextBoolean()) {
                    body.put(field, oneOf(BAD_DECIMALS));
                } else {
                    raw = oneOf(BAD_NUMBERS);
                }
            }
            case WHOLE -> {
                if (random.nextBoolean()) {
                    body.put(field, oneOf(List.of("5.0", "+5", " 5", "١٢", "-1", "1e1", "5\u0000", "")));
                } else {
                    raw = oneOf(List.of("5.5", "-1", "1e1", "5.0"));
                }
            }
            case ENUM -> {
                String value = body.get(field).asText();
                body.put(
                        field,
                        oneOf(List.of(
                                value + " ",
                                " " + value,
                                value.toLowerCase(java.util.Locale.ROOT),
                                value + "\u0000",
                                value + "\n",
                                "",
                                value.substring(0, 1) + "\u200b" + value.substring(1),
                                "HOLD")));
            }
            case TEXT -> {
                String value = body.get(field).asText();
                int at = random.nextInt(value.length() + 1);
                body.put(field, value.substring(0, at) + oneOf(CONTROL) + value.substring(at));
            }
        }
        if (random.nextInt(10) == 0) {
            // The wrong JSON type instead of a wrong value.
            raw = null;
            switch (random.nextInt(4)) {
                case 0 -> body.set(field, JSON.arrayNode().add(1));
                case 1 -> body.set(field, JSON.objectNode().put("x", 1));
                case 2 -> body.put(field, true);
                default -> {
                    if (kind == Kind.TEXT || kind == Kind.ENUM) {
                        body.put(field, 5);
                    } else {
                        body.put(field, "five");
                    }
                }
            }
        }
        String text = body.toString();
        if (raw != null) {
            ObjectNode marked = body.deepCopy();
            marked.put(field, "@@RAW@@");
            text = marked.toString().replace("\"@@RAW@@\"", raw);
        }
        return json(endpoint, keyFor(endpoint.role()), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as a whole made wrong: not JSON, not an object, duplicate keys, not UTF-8, too large, wrong media type. */
    private Request badBody(BodyEndpoint endpoint) {
        String valid = endpoint.valid().toString();
        String key = keyFor(endpoint.role());
        return switch (random.nextInt(11)) {
            case 0 -> json(endpoint, key, bytes(valid.substring(0, valid.length() - 1)));
            case 1 -> json(endpoint, key, bytes("[" + valid + "]"));
            case 2 -> json(endpoint, key, bytes(valid + " {}"));
            case 3 -> json(endpoint, key, bytes("{\"unknownField\":1," + valid.substring(1)));
            case 4 -> {
                String first = endpoint.valid().fieldNames().next();
                yield json(endpoint, key, bytes("{\"" + first + "\":\"x\"," + valid.substring(1)));
            }
            case 5 -> {
                // Bytes that are not UTF-8 (0xC3 0x28) inside the first string value.
                byte[] text = bytes(valid);
                int at = valid.indexOf("\":\"") + 3;
                byte[] broken = new byte[text.length + 2];
                System.arraycopy(text, 0, broken, 0, at);
                broken[at] = (byte) 0xC3;
                broken[at + 1] = (byte) 0x28;
                System.arraycopy(text, at, broken, at + 2, text.length - at);
                yield json(endpoint, key, broken);
            }
            case 6 -> json(endpoint, key, bytes("{\"a\":\"" + "x".repeat(70_000) + "\"}"));
            case 7 -> withType(endpoint, key, null, bytes(valid));
            case 8 -> withType(
                    endpoint,
                    key,
                    oneOf(List.of(
                            "text/plain",
                            "application/xml",
                            "application/json; charset=latin1",
                            "application/x-www-form-urlencoded",
                            "json")),
                    bytes(valid));
            case 9 -> json(endpoint, key, bytes("{" + "\"a\":{".repeat(40) + "}".repeat(41)));
            default -> json(endpoint, key, bytes("\"" + valid.replace("\"", "'") + "\""));
        };
    }

    /** A valid body sent without a key, with a wrong key, or with a key that lacks the role. */
    private Request badKeyOrRole(BodyEndpoint endpoint) {
        String key =
                switch (random.nextInt(4)) {
                    case 0 -> null;
                    case 1 -> "oms_not-a-key-" + random.nextInt(1000);
                    case 2 -> "x".repeat(9_000);
                    default -> endpoint.role().equals("admin") ? oneOf(List.of(viewer, trader)) : viewer;
                };
        return json(endpoint, key, bytes(endpoint.valid().toString()));
    }

    /** An id in the path that is malformed, badly encoded or unknown. */
    private Request badPath() {
        String id = oneOf(List.of(
                "a%00",
                "a%ZZ",
                "a%",
                "%",
                "no-such-order",
                "a%20b",
                "a%0Ab",
                "%E2%80%AE",
                "a%C3%28",
                "..%2F..%2Fetc",
                "x".repeat(65),
                "%D9%A1"));
        return switch (random.nextInt(5)) {
            case 0 -> new Request("GET", "/api/v1/orders/" + id, keyed(viewer), new byte[0]);
            case 1 -> new Request("DELETE", "/api/v1/orders/" + id, keyed(trader), new byte[0]);
            case 2 -> new Request("PATCH", "/api/v1/orders/" + id, jsonHeaders(trader), bytes("{\"price\":\"1491\"}"));
            case 3 -> new Request(
                    "POST", "/api/v1/reconciliation/findings/" + id + "/approve", keyed(admin), new byte[0]);
            default -> new Request(
                    "POST", "/api/v1/reconciliation/findings/" + id + "/dismiss", keyed(admin), new byte[0]);
        };
    }

    /** A query parameter that is malformed, or names an account that does not exist. */
    private Request badQuery() {
        String value =
                oneOf(List.of("NOPE", "%2B5", "%20", "-1", "%D9%A1%D9%A2", "1e2", "PAPER%00", "%E2%80%AE", "abc"));
        String path =
                switch (random.nextInt(13)) {
                    case 0 -> "/api/v1/orders?limit=" + value;
                    case 1 -> "/api/v1/orders?status="
                            + oneOf(List.of("accepted", "ACCEPTED%20", "ACCEPTED%00", "NOPE"));
                    case 2 -> "/api/v1/orders?account=" + oneOf(List.of("NOPE", "PAPER%00", "PA%20PER"));
                    case 3 -> "/api/v1/orders?from=" + oneOf(List.of("yesterday", "2026-01-05", "%D9%A1"));
                    case 4 -> "/api/v1/positions?account=" + oneOf(List.of("NOPE", "PAPER%01"));
                    case 5 -> "/api/v1/portfolio?account=" + oneOf(List.of("NOPE", "%7F"));
                    case 6 -> "/api/v1/risk/limits?account=" + oneOf(List.of("NOPE", "a%00"));
                    case 7 -> "/api/v1/risk/trading-state?account=" + oneOf(List.of("NOPE", "%20", "PAPER%20"));
                    case 8 -> "/api/v1/positions?"
                            + oneOf(List.of(
                                    "includeClosed=TRUE",
                                    "includeClosed=1",
                                    "strategy=a%00",
                                    "instrument=NSE:NOPE%0A",
                                    "symbol=%E2%80%AE"));
                    case 9 -> "/api/v1/reconciliation?runId=" + oneOf(List.of("r%00", "%1B[31m", "r%E2%80%A8"));
                    case 10 -> "/api/v1/events?lastEventId=" + oneOf(List.of("-1", "%2B5", "1e2", "%D9%A1", "x"));
                    case 11 -> "/api/v1/events";
                    default -> "/api/v1/reconciliation?limit=" + value;
                };
        Map<String, String> headers = keyed(viewer);
        if (path.startsWith("/api/v1/events")) {
            // With ?lastEventId the stream is asked for and the id is refused; without, the Accept header is wrong.
            headers.put("Accept", path.contains("?") ? "text/event-stream" : "application/json");
        }
        return new Request("GET", path, headers, new byte[0]);
    }

    private Request json(BodyEndpoint endpoint, String key, byte[] body) {
        return withType(endpoint, key, "application/json", body);
    }

    private Request withType(BodyEndpoint endpoint, String key, String type, byte[] body) {
        Map<String, String> headers = keyed(key);
        if (type != null) {
            headers.put("Content-Type", type);
        }
        return new Request(endpoint.method(), endpoint.path(), headers, body);
    }

    private Map<String, String> jsonHeaders(String key) {
        Map<String, String> headers = keyed(key);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static Map<String, String> keyed(String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (key != null) {
            headers.put("X-API-Key", key);
        }
        return headers;
    }

    private String keyFor(String role) {
        return switch (role) {
            case "admin" -> admin;
            case "trader" -> trader;
            default -> viewer;
        };
    }

    private <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static ObjectNode object(String... namesAndValues) {
        ObjectNode node = JSON.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
