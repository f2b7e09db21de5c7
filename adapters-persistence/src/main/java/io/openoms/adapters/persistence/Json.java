package io.openoms.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Small helpers over Jackson's tree model for the hand-written codecs. Decimals are written as
 * strings ({@code toPlainString}) so no JSON reader can turn them into binary floating point;
 * instants as ISO-8601 text with every digit; absent optionals are left out.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static JsonNode read(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static void put(ObjectNode node, String field, BigDecimal value) {
        node.put(field, value.toPlainString());
    }

    static void put(ObjectNode node, String field, Instant value) {
        node.put(field, value.toString());
    }

    static <T> void putOptional(ObjectNode node, String field, Optional<T> value, Function<T, String> text) {
        value.ifPresent(v -> node.put(field, text.apply(v)));
    }

    static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("stored JSON lacks '" + field + "'");
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(text(node, field));
    }

    static Optional<BigDecimal> optionalDecimal(JsonNode node, String field) {
        return optionalText(node, field).map(BigDecimal::new);
    }

    static Instant instant(JsonNode node, String field) {
        return Instant.parse(text(node, field));
    }

    static Optional<Instant> optionalInstant(JsonNode node, String field) {
        return optionalText(node, field).map(Instant::parse);
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isBoolean()) {
            throw new IllegalStateException("stored JSON field '" + field + "' is not a boolean");
        }
        return value.booleanValue();
    }
}
