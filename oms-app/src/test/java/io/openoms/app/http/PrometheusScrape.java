package io.openoms.app.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One {@code /metrics} answer, parsed into series: {@code name{label="value",…}} with the labels in
 * name order, to its value. Comment lines ({@code # HELP}, {@code # TYPE}) are kept as text for
 * {@link #hasType}.
 */
final class PrometheusScrape {
    private final String text;
    private final Map<String, Double> series = new HashMap<>();

    PrometheusScrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(canonical(line.substring(0, space)), Double.parseDouble(line.substring(space + 1)));
        }
    }

    /** The value of the series {@code name} with exactly {@code labels} (name, value, name, value, …). */
    Optional<Double> value(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return Optional.ofNullable(series.get(key(name, wanted)));
    }

    /** As {@link #value}, failing when the series is missing. */
    double of(String name, String... labels) {
        return value(name, labels)
                .orElseThrow(() ->
                        new AssertionError("no series " + name + " " + String.join(",", labels) + " in:\n" + text));
    }

    /** The sum of every series named {@code name}, whatever its labels. */
    double sum(String name) {
        return series.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    boolean hasType(String name, String type) {
        return text.contains("# TYPE " + name + " " + type + "\n");
    }

    String text() {
        return text;
    }

    private static String canonical(String series) {
        int brace = series.indexOf('{');
        if (brace < 0) {
            return series;
        }
        Map<String, String> labels = new TreeMap<>();
        String body = series.substring(brace + 1, series.length() - 1);
        int i = 0;
        while (i < body.length()) {
            int equals = body.indexOf('=', i);
            int close = body.indexOf('"', equals + 2);
            while (body.charAt(close - 1) == '\\') {
                close = body.indexOf('"', close + 1);
            }
            labels.put(body.substring(i, equals).trim(), body.substring(equals + 2, close));
            i = close + 1;
            if (i < body.length() && body.charAt(i) == ',') {
                i++;
            }
        }
        return key(series.substring(0, brace), labels);
    }

    private static String key(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        return name
                + labels.entrySet().stream()
                        .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(",", "{", "}"));
    }
}
