package io.openoms.adapters.broker.alpaca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reading and writing Alpaca's JSON. Alpaca sends quantities and prices as strings; they are read
 * exactly as {@link BigDecimal} (a JSON number too, never through a {@code double}). Timestamps are
 * RFC 3339 with an offset and become UTC instants.
 */
final class AlpacaJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectReader READER = MAPPER.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private AlpacaJson() {}

    static JsonNode parse(String text) throws AlpacaPayloadException {
        try {
            JsonNode node = READER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new AlpacaPayloadException("empty JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new AlpacaPayloadException("not JSON: " + e.getOriginalMessage());
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    static String requiredText(JsonNode node, String field) throws AlpacaPayloadException {
        return text(node, field).orElseThrow(() -> new AlpacaPayloadException(field + " is missing"));
    }

    /** The field as an exact decimal, empty when absent or null; anything else not a number is refused. */
    static Optional<BigDecimal> decimal(JsonNode node, String field) throws AlpacaPayloadException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (value.isTextual() && !value.asText().isBlank()) {
            try {
                return Optional.of(new BigDecimal(value.asText().strip()));
            } catch (NumberFormatException e) {
                throw new AlpacaPayloadException(field + " is not a number: " + abbreviate(value.asText()));
            }
        }
        throw new AlpacaPayloadException(field + " is not a number");
    }

    static BigDecimal requiredDecimal(JsonNode node, String field) throws AlpacaPayloadException {
        return decimal(node, field).orElseThrow(() -> new AlpacaPayloadException(field + " is missing"));
    }

    static Optional<Instant> instant(JsonNode node, String field) throws AlpacaPayloadException {
        Optional<String> text = text(node, field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw new AlpacaPayloadException(field + " is not an RFC 3339 time: " + abbreviate(text.get()));
        }
    }

    static boolean flag(JsonNode node, String field) throws AlpacaPayloadException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new AlpacaPayloadException(field + " is not a boolean");
        }
        return value.booleanValue();
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
