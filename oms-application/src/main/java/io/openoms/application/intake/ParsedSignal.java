package io.openoms.application.intake;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.in.SubmitOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What {@link SignalParser} made of a signal: an order to submit, or every problem found in it. */
public sealed interface ParsedSignal {
    /** A well-formed signal: {@code order} is ready for {@code OrderEntry.submit}; {@code reason} is the author's, in full. */
    record Valid(SubmitOrder order, String reason) implements ParsedSignal {
        public Valid {
            requireNonNull(order, "order is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /** A malformed signal: each field named with what is wrong with it (in the REST error's {@code details} shape). */
    record Invalid(Map<String, String> problems) implements ParsedSignal {
        public Invalid {
            problems = Map.copyOf(new LinkedHashMap<>(requireNonNull(problems, "problems is null")));
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid signal has at least one problem");
            }
        }

        /** The problems on one line, fields sorted: {@code "qty: is required; side: 'buy' is not allowed; …"}. */
        public String summary() {
            return problems.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(entry -> entry.getKey() + ": " + entry.getValue())
                    .collect(Collectors.joining("; "));
        }
    }
}
