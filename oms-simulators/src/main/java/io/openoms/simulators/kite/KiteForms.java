package io.openoms.simulators.kite;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parameters of one request: an {@code application/x-www-form-urlencoded} body or query string. */
final class KiteForms {
    private final Map<String, List<String>> values;

    private KiteForms(Map<String, List<String>> values) {
        this.values = values;
    }

    static KiteForms parse(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
            }
        }
        return new KiteForms(values);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new KiteApiException(KiteError.input("Malformed form encoding: " + e.getMessage()));
        }
    }

    /** The first value of {@code name}, when present and not blank. */
    Optional<String> get(String name) {
        List<String> all = values.get(name);
        if (all == null || all.isEmpty() || all.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(all.get(0).trim());
    }

    String require(String name) {
        return get(name).orElseThrow(() -> new KiteApiException(KiteError.input("Missing `" + name + "`")));
    }

    List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }
}
