package io.openoms.domain.fees;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The rates of every segment from one date on, until a later table takes over. */
public record RateTable(LocalDate effectiveFrom, Map<ChargeSegment, ChargeRates> rates) {
    public RateTable {
        requireNonNull(effectiveFrom, "effectiveFrom is null");
        rates = rates.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(rates));
    }

    public Optional<ChargeRates> ratesOf(ChargeSegment segment) {
        return Optional.ofNullable(rates.get(segment));
    }
}
