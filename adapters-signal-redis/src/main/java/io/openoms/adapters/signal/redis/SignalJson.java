package io.openoms.adapters.signal.redis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads a signal's JSON text as the REST edge reads a body: one object, decimals as {@link BigDecimal},
 * no exponents, no duplicate keys, bounded size and nesting. A problem is an {@link
 * IllegalArgumentException} whose message says what is wrong, for the dead-letter entry.
 */
final class SignalJson {
    /** Far above any signal; the REST edge's body limit. */
    static final int MAX_CHARS = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        MAPPER.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(32)
                        .maxNumberLength(64)
                        .build());
    }

    private SignalJson() {}

    static Map<String, Object> read(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the signal is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("the signal is longer than " + MAX_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
            refuseExponents(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("must be a JSON object such as"
                    + " {\"symbol\":\"INFY\",\"side\":\"BUY\",\"qty\":1,\"reason\":\"…\"}");
        }
        return MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() {});
    }

    /** JSON allows {@code 1e3}; signals, like the REST API, take decimals as digits and one point. */
    private static void refuseExponents(String text) throws JsonProcessingException {
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT
                        && parser.getText().chars().anyMatch(c -> c == 'e' || c == 'E')) {
                    throw new IllegalArgumentException(parser.currentName()
                            + ": must be a decimal number written with the digits 0-9 and at most one '.', without"
                            + " an exponent");
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the signal: " + e.getMessage());
        }
    }
}
