package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Map;

/** Funds per segment ({@code equity}, {@code commodity}) from {@code GET /user/margins}. */
public record KiteMargins(Map<String, Segment> segments) {
    public KiteMargins {
        segments = Map.copyOf(requireNonNull(segments, "segments is null"));
    }

    /** One segment's funds, exact: net, available cash and live balance, and utilised debits. */
    public record Segment(
            boolean enabled, BigDecimal net, BigDecimal cash, BigDecimal liveBalance, BigDecimal utilisedDebits) {
        public Segment {
            requireNonNull(net, "net is null");
            requireNonNull(cash, "cash is null");
            requireNonNull(liveBalance, "liveBalance is null");
            requireNonNull(utilisedDebits, "utilisedDebits is null");
        }
    }
}
