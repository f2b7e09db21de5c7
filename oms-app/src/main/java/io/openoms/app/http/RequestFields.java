package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one JSON request object and collects every problem, so that a 400 names all
 * invalid fields at once. Unknown fields are problems. Decimals are accepted as JSON numbers or as
 * strings, exactly ({@link BigDecimal}); a JSON {@code null} is the same as an absent field.
 */
final class RequestFields {
    private final ObjectNode body;
    private final Map<String, String> problems = new LinkedHashMap<>();

    RequestFields(ObjectNode body, Set<String> allowed) {
        this.body = requireNonNull(body, "body is null");
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.put(
                        name,
                        "unknown field; allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    boolean has(String name) {
        JsonNode node = body.get(name);
        return node != null && !node.isNull();
    }

    Optional<String> text(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode node = body.get(name);
        if (!node.isTextual()) {
            problems.putIfAbsent(name, "must be a string");
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    Optional<String> requiredText(String name) {
        if (!has(name)) {
            problems.putIfAbsent(name, "is required");
            return Optional.empty();
        }
        return text(name);
    }

    Optional<BigDecimal> decimal(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode node = body.get(name);
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(new BigDecimal(node.asText().trim()));
            } catch (NumberFormatException e) {
                problems.putIfAbsent(name, "must be a decimal number, got '" + abbreviate(node.asText()) + "'");
                return Optional.empty();
            }
        }
        problems.putIfAbsent(name, "must be a number or a string holding a decimal number");
        return Optional.empty();
    }

    Optional<BigDecimal> requiredDecimal(String name) {
        if (!has(name)) {
            problems.putIfAbsent(name, "is required");
            return Optional.empty();
        }
        return decimal(name);
    }

    Optional<Boolean> bool(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode node = body.get(name);
        if (!node.isBoolean()) {
            problems.putIfAbsent(name, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    Optional<Long> wholeNumber(String name) {
        return decimal(name).flatMap(value -> {
            try {
                return Optional.of(value.longValueExact());
            } catch (ArithmeticException e) {
                problems.putIfAbsent(name, "must be a whole number, got " + value.toPlainString());
                return Optional.empty();
            }
        });
    }

    Optional<Instant> instant(String name) {
        return text(name).flatMap(value -> {
            try {
                return Optional.of(Instant.parse(value));
            } catch (DateTimeParseException e) {
                problems.putIfAbsent(name, "must be an ISO-8601 instant such as 2026-01-05T09:15:00Z");
                return Optional.empty();
            }
        });
    }

    <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type, boolean required) {
        Optional<String> value = required ? requiredText(name) : text(name);
        return value.flatMap(text -> {
            try {
                return Optional.of(Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.putIfAbsent(name, "'" + abbreviate(text) + "' is not allowed; allowed: " + allowed(type));
                return Optional.empty();
            }
        });
    }

    ObjectNode object(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode node = body.get(name);
        if (!(node instanceof ObjectNode object)) {
            problems.putIfAbsent(name, "must be a JSON object");
            return null;
        }
        return object;
    }

    /** {@code parse(value)}, recording its {@link IllegalArgumentException} as the field's problem. */
    <T> Optional<T> convert(String name, Optional<String> value, Function<String, T> parse) {
        return value.flatMap(text -> attempt(name, () -> parse.apply(text)));
    }

    <T> Optional<T> attempt(String name, java.util.function.Supplier<T> action) {
        try {
            return Optional.ofNullable(action.get());
        } catch (IllegalArgumentException e) {
            problems.putIfAbsent(name, e.getMessage());
            return Optional.empty();
        }
    }

    void problem(String name, String message) {
        problems.putIfAbsent(name, message);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Throws a 400 naming every problem found so far, if any. */
    void check() {
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
    }

    static <E extends Enum<E>> String allowed(Class<E> type) {
        StringBuilder out = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(constant.name());
        }
        return out.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
