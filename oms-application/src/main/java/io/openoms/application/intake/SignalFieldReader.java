package io.openoms.application.intake;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the fields of one signal, already parsed from JSON into plain Java values (text as {@link
 * String}, numbers as {@link BigDecimal} or integers, {@code null} for JSON null), collecting every
 * problem so that one answer names them all. The rules are {@link StrictValues}'s, the REST edge's.
 */
final class SignalFieldReader {
    private final Map<String, ?> fields;
    private final Map<String, String> problems = new LinkedHashMap<>();

    SignalFieldReader(Map<String, ?> fields, Set<String> allowed) {
        this.fields = requireNonNull(fields, "fields is null");
        for (String name : fields.keySet()) {
            if (!allowed.contains(name)) {
                problems.put(
                        name,
                        "unknown field; allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    Optional<String> text(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            problem(name, "must be a string");
            return Optional.empty();
        }
        Optional<String> problem = StrictValues.textProblem(text);
        problem.ifPresent(p -> problem(name, p));
        return problem.isPresent() ? Optional.empty() : Optional.of(text);
    }

    Optional<String> requiredText(String name) {
        if (fields.get(name) == null) {
            problem(name, "is required");
            return Optional.empty();
        }
        return text(name);
    }

    /** A non-negative decimal, as a JSON number or a string of ASCII digits. */
    Optional<BigDecimal> decimal(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        String text;
        if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString();
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            text = value.toString();
        } else if (value instanceof String string) {
            text = string;
        } else {
            problem(name, "must be a number or a string holding a decimal number");
            return Optional.empty();
        }
        Optional<String> problem = StrictValues.decimalProblem(text, false);
        problem.ifPresent(p -> problem(name, p));
        return problem.isPresent() ? Optional.empty() : Optional.of(new BigDecimal(text));
    }

    Optional<BigDecimal> requiredDecimal(String name) {
        if (fields.get(name) == null) {
            problem(name, "is required");
            return Optional.empty();
        }
        return decimal(name);
    }

    <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type, Set<E> allowed, boolean required) {
        Optional<String> value = required ? requiredText(name) : text(name);
        return value.flatMap(text -> {
            Optional<E> constant = StrictValues.exactEnum(text, type).filter(allowed::contains);
            if (constant.isEmpty()) {
                problem(
                        name,
                        "'" + StrictValues.printable(text) + "' is not allowed; allowed, exactly as written: "
                                + String.join(
                                        ", ",
                                        allowed.stream()
                                                .sorted()
                                                .map(Enum::name)
                                                .toList()));
            }
            return constant;
        });
    }

    /** {@code parse(value)}, recording its {@link IllegalArgumentException} as the field's problem. */
    <T> Optional<T> convert(String name, Optional<String> value, Function<String, T> parse) {
        return value.flatMap(text -> attempt(name, () -> parse.apply(text)));
    }

    <T> Optional<T> attempt(String name, Supplier<T> action) {
        try {
            return Optional.ofNullable(action.get());
        } catch (IllegalArgumentException e) {
            problem(name, e.getMessage());
            return Optional.empty();
        }
    }

    void problem(String name, String message) {
        problems.putIfAbsent(name, message);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    Map<String, String> problems() {
        return problems;
    }
}
