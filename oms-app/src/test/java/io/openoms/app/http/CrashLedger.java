package io.openoms.app.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the app acknowledged with a 2xx during the crash test, and the requests whose outcome a crash
 * left unknown. What a 2xx promised is checked against the store after every restart.
 */
final class CrashLedger {
    /** A submit answered 2xx (or 422, which also stores the order): its body and the order as answered. */
    record Submit(String id, String body, String status) {}

    /** A cancel or modify answered 202, with the status the answer showed. */
    record Change(String id, String kind, String status) {}

    private final Map<String, Submit> submits = new ConcurrentHashMap<>();
    private final Map<String, List<Change>> changes = new ConcurrentHashMap<>();
    private final Map<String, String> unknownSubmits = new ConcurrentHashMap<>();
    /** Each violation once, with the first round that saw it (later rounds see the same loss again). */
    private final Map<String, String> violations = new ConcurrentHashMap<>();

    void submitted(String id, String body, String status) {
        submits.putIfAbsent(id, new Submit(id, body, status));
        unknownSubmits.remove(id);
    }

    void changed(String id, String kind, String status) {
        changes.computeIfAbsent(id, ignored -> Collections.synchronizedList(new ArrayList<>()))
                .add(new Change(id, kind, status));
    }

    /** A submit sent but not answered (the process died, or a 5xx): a retry later must settle it. */
    void unknown(String id, String body) {
        if (!submits.containsKey(id)) {
            unknownSubmits.put(id, body);
        }
    }

    void violation(String what) {
        violations.putIfAbsent(what.replaceFirst("^round \\d+: ", ""), what);
    }

    Map<String, Submit> submits() {
        return submits;
    }

    List<Change> changesOf(String id) {
        List<Change> list = changes.get(id);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    Map<String, String> unknownSubmits() {
        return Map.copyOf(unknownSubmits);
    }

    List<String> violations() {
        return violations.values().stream().sorted().toList();
    }

    long changeCount(String kind) {
        return changes.values().stream()
                .mapToLong(list -> {
                    synchronized (list) {
                        return list.stream().filter(c -> c.kind().equals(kind)).count();
                    }
                })
                .sum();
    }
}
