package io.openoms.adapters.broker.zerodha;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reading Kite's JSON. Numbers are read exactly (floats as {@link BigDecimal}, integers as big
 * integers), so neither a price nor a 19-digit id ever passes through a {@code double}.
 */
final class KiteJson {
    private static final ObjectReader READER = new ObjectMapper()
            .reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private KiteJson() {}

    static JsonNode parse(String text) throws KitePayloadException {
        try {
            JsonNode node = READER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new KitePayloadException("empty JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new KitePayloadException("not JSON: " + e.getOriginalMessage());
        }
    }

    /** The field as text, empty when absent, null or blank; numbers keep all their digits. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    static String requiredText(JsonNode node, String field) throws KitePayloadException {
        return text(node, field).orElseThrow(() -> new KitePayloadException(field + " is missing"));
    }

    /** The field as an exact decimal, empty when absent or null; a non-number is a payload error. */
    static Optional<BigDecimal> decimal(JsonNode node, String field) throws KitePayloadException {
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
                throw new KitePayloadException(field + " is not a number: " + abbreviate(value.asText()));
            }
        }
        throw new KitePayloadException(field + " is not a number");
    }

    static BigDecimal decimalOrZero(JsonNode node, String field) throws KitePayloadException {
        return decimal(node, field).orElse(BigDecimal.ZERO);
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
