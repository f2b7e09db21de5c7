package io.openoms.app.config;

import static java.util.Objects.requireNonNull;

/** @param defaults {@code risk.defaults}: the limits a configured account starts with (see {@link RiskLimitsConfig}) */
public record RiskConfig(RiskLimitsConfig defaults) {
    public static final RiskConfig DEFAULT = new RiskConfig(RiskLimitsConfig.PAPER_DEFAULTS);

    public RiskConfig {
        requireNonNull(defaults, "defaults is null");
    }
}
