package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.application.intake.StrictValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one JSON request object and collects every problem, so that a 400 names all
 * invalid fields at once. Unknown fields are problems. Values follow {@link StrictValues}: decimals
 * are accepted as JSON numbers or as strings of ASCII digits, exactly ({@link BigDecimal}); enums
 * exactly as listed; no control characters in text. A JSON {@code null} is the same as an absent
 * field.
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
        Optional<String> problem = StrictValues.textProblem(node.asText());
        if (problem.isPresent()) {
            problems.putIfAbsent(name, problem.get());
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

    /** A non-negative decimal (see {@link StrictValues#decimalProblem(String, boolean)}). */
    Optional<BigDecimal> decimal(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode node = body.get(name);
        Optional<String> problem;
        if (node.isNumber()) {
            problem = StrictValues.decimalProblem(node.decimalValue(), false);
        } else if (node.isTextual()) {
            problem = StrictValues.decimalProblem(node.asText(), false);
        } else {
            problem = Optional.of("must be a number or a string holding a decimal number");
        }
        if (problem.isPresent()) {
            problems.putIfAbsent(name, problem.get());
            return Optional.empty();
        }
        return Optional.of(node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText()));
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

    /** A non-negative whole number, as a JSON integer or a string of digits. */
    Optional<Long> wholeNumber(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode node = body.get(name);
        // A JSON 5.0 is read as a decimal (trailing zeros stripped), so the node's kind, not its text, tells.
        String text = node.isIntegralNumber() || node.isTextual() ? node.asText() : node.toString();
        Optional<String> problem = node.isIntegralNumber() || node.isTextual()
                ? StrictValues.wholeNumberProblem(text)
                : Optional.of("must be a whole number such as 5, got " + StrictValues.printable(text));
        if (problem.isPresent()) {
            problems.putIfAbsent(name, problem.get());
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
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
            Optional<E> constant = StrictValues.exactEnum(text, type);
            if (constant.isEmpty()) {
                problems.putIfAbsent(
                        name,
                        "'" + StrictValues.printable(text) + "' is not allowed; allowed, exactly as written: "
                                + allowed(type));
            }
            return constant;
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
}
