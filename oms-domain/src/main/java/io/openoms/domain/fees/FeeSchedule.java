package io.openoms.domain.fees;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rate tables with the dates they took effect: statutory rates change (a budget raised STT on
 * derivatives from 2026-04-01), and a fill is charged at the rates of its own trading day.
 */
public final class FeeSchedule {
    private final List<RateTable> tables;

    public FeeSchedule(List<RateTable> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a fee schedule needs at least one rate table");
        }
        List<RateTable> sorted = new ArrayList<>(tables);
        sorted.sort(Comparator.comparing(RateTable::effectiveFrom));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).effectiveFrom().equals(sorted.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException(
                        "two rate tables take effect on " + sorted.get(i).effectiveFrom());
            }
        }
        this.tables = List.copyOf(sorted);
    }

    /** The rates of {@code segment} on {@code tradeDate}; empty before the first table or when it lists none. */
    public Optional<ChargeRates> ratesOn(LocalDate tradeDate, ChargeSegment segment) {
        for (int i = tables.size() - 1; i >= 0; i--) {
            RateTable table = tables.get(i);
            if (!table.effectiveFrom().isAfter(tradeDate)) {
                return table.ratesOf(segment);
            }
        }
        return Optional.empty();
    }

    public List<RateTable> tables() {
        return tables;
    }
}
