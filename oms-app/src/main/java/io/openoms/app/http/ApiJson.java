package io.openoms.app.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.javalin.http.Context;
import io.openoms.application.intake.StrictValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the API reads and writes JSON. Reading: bodies up to {@link #MAX_BODY_BYTES} (else 413), declared
 * {@code application/json} (else 415), one JSON object, decimals read as {@link BigDecimal} so no digit
 * is lost and never with an exponent. Writing: decimals (prices,
 * quantities, money) as JSON strings in plain notation ({@code "1500.05"}), because JavaScript and
 * many JSON libraries read numbers as binary doubles and would lose precision; counts as numbers.
 */
final class ApiJson {
    /** The largest request body accepted: 64 KiB, far above any order. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** How much of an oversized body is read and dropped before the 413, to keep the connection sane. */
    private static final long DRAIN_LIMIT_BYTES = 1024 * 1024;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    static {
        // {"quantity": 1, "quantity": 100000} is a client bug or an attack, not "the last one wins".
        MAPPER.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(32)
                        .maxNumberLength(64)
                        .build());
    }

    private ApiJson() {}

    /**
     * The request body as a JSON object; an empty body is an empty object when {@code emptyAllowed}. A body
     * is read only when declared {@code application/json} (UTF-8), else 415; a number written with an
     * exponent ({@code 1e400}) is refused here, because once read it looks like any other decimal.
     */
    static ObjectNode body(Context ctx, boolean emptyAllowed) {
        byte[] bytes = boundedBody(ctx);
        boolean empty = bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank();
        if (!(empty && emptyAllowed)) {
            requireJson(ctx.header("Content-Type"));
        }
        if (empty) {
            if (emptyAllowed) {
                return MAPPER.createObjectNode();
            }
            throw ApiException.badRequest("the request needs a JSON object body");
        }
        return object(bytes);
    }

    /** {@code bytes} as one JSON object, decimals exact, no exponents; else a 400 saying what is wrong. */
    static ObjectNode object(byte[] bytes) {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ApiException(
                    400, "MALFORMED_JSON", "the body is not valid JSON: " + e.getOriginalMessage(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        refuseExponents(bytes);
        return object;
    }

    /** A JSON object as plain Java values (decimals as {@link BigDecimal}), for the shared {@code SignalParser}. */
    static Map<String, Object> plain(ObjectNode object) {
        return MAPPER.convertValue(object, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    }

    private static void requireJson(String contentType) {
        if (contentType != null) {
            String[] parts = contentType.split(";");
            boolean json = parts[0].trim().equalsIgnoreCase("application/json");
            for (int i = 1; i < parts.length && json; i++) {
                String[] parameter = parts[i].split("=", 2);
                if (parameter[0].trim().equalsIgnoreCase("charset")) {
                    String charset = parameter.length > 1 ? parameter[1].trim().replace("\"", "") : "";
                    json = charset.equalsIgnoreCase("utf-8");
                }
            }
            if (json) {
                return;
            }
        }
        throw new ApiException(
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "the body must be JSON sent with Content-Type: application/json (UTF-8); got "
                        + (contentType == null ? "no Content-Type" : "'" + StrictValues.printable(contentType) + "'"),
                Map.of("accepted", "application/json"));
    }

    /** JSON allows {@code 1e400}; the API does not (docs/api.md: decimals are digits and one point). */
    private static void refuseExponents(byte[] bytes) {
        Map<String, String> problems = new LinkedHashMap<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(bytes)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT
                        && parser.getText().chars().anyMatch(c -> c == 'e' || c == 'E')) {
                    String field = parser.getParsingContext()
                            .pathAsPointer()
                            .toString()
                            .substring(1)
                            .replace('/', '.');
                    problems.putIfAbsent(
                            field,
                            "must be a decimal number written with the digits 0-9 and at most one '.', without an"
                                    + " exponent, got " + StrictValues.printable(parser.getText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
    }

    /** The body, refused with 413 beyond {@link #MAX_BODY_BYTES}. */
    static byte[] boundedBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge(ctx);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge(ctx);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the request body: " + e.getMessage());
        }
    }

    /**
     * The 413 for a body over the limit. The rest of a moderately large body is read and dropped first:
     * a server that answers and closes while the client is still sending resets the connection, and the
     * client then loses the answer. A body beyond {@link #DRAIN_LIMIT_BYTES} is not read; its connection is
     * closed after the answer.
     */
    static ApiException tooLarge(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > DRAIN_LIMIT_BYTES) {
            ctx.header("Connection", "close");
        } else {
            try (InputStream in = ctx.req().getInputStream()) {
                byte[] buffer = new byte[8192];
                long drained = 0;
                int read;
                while (drained <= DRAIN_LIMIT_BYTES && (read = in.read(buffer)) >= 0) {
                    drained += read;
                }
                if (drained > DRAIN_LIMIT_BYTES) {
                    ctx.header("Connection", "close");
                }
            } catch (IOException e) {
                ctx.header("Connection", "close");
            }
        }
        return new ApiException(
                413,
                "PAYLOAD_TOO_LARGE",
                "the request body is larger than " + MAX_BODY_BYTES + " bytes",
                Map.of("maxBytes", MAX_BODY_BYTES));
    }

    static void write(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response", e);
        }
    }

    static String text(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static void error(Context ctx, ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message", e.getMessage());
        body.put("details", e.details());
        Object retryAfter = e.details().get("retryAfterSeconds");
        if (retryAfter != null) {
            ctx.header("Retry-After", retryAfter.toString());
        }
        write(ctx, e.status(), body);
    }

    /** An exact decimal as the API writes it (see {@link ApiDecimals} for prices and money). */
    static String decimal(BigDecimal value) {
        return ApiDecimals.exact(value);
    }
}
