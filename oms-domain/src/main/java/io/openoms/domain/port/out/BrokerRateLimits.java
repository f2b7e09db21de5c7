package io.openoms.domain.port.out;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.Map;

/**
 * One broker's limits, stated by its adapter (Kite's are {@code KiteConfig#rateLimits}) and kept by
 * the {@link RateLimitGuard}.
 *
 * @param families the limits of each endpoint family; a family that is absent and does not share
 *     another family's budget is unlimited
 * @param sharedBudgets families that draw on another family's budget instead of their own (e.g.
 *     modifications counted as orders); the family drawn on must not itself share
 * @param maxModificationsPerOrder how often the broker lets one order be modified (0 = no cap); the
 *     guard does not enforce it (it does not know orders), the engine does
 * @param tradingDayZone where the broker's day starts, for the per-day budgets
 */
public record BrokerRateLimits(
        Map<EndpointFamily, FamilyLimits> families,
        Map<EndpointFamily, EndpointFamily> sharedBudgets,
        int maxModificationsPerOrder,
        ZoneId tradingDayZone) {
    public static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    public BrokerRateLimits {
        families = Map.copyOf(requireNonNull(families, "families is null"));
        sharedBudgets = Map.copyOf(requireNonNull(sharedBudgets, "sharedBudgets is null"));
        requireNonNull(tradingDayZone, "tradingDayZone is null");
        if (maxModificationsPerOrder < 0) {
            throw new IllegalArgumentException("maxModificationsPerOrder is negative: " + maxModificationsPerOrder);
        }
        for (Map.Entry<EndpointFamily, EndpointFamily> shared : sharedBudgets.entrySet()) {
            if (shared.getKey() == shared.getValue()) {
                throw new IllegalArgumentException(shared.getKey() + " cannot share its own budget");
            }
            if (families.containsKey(shared.getKey())) {
                throw new IllegalArgumentException(
                        shared.getKey() + " has its own limits and also shares the budget of " + shared.getValue());
            }
            if (sharedBudgets.containsKey(shared.getValue())) {
                throw new IllegalArgumentException(shared.getKey() + " shares the budget of " + shared.getValue()
                        + ", which itself shares another budget");
            }
        }
    }

    /** No limits at all, e.g. for the simulated venue. */
    public static BrokerRateLimits unlimited() {
        return new BrokerRateLimits(Map.of(), Map.of(), 0, INDIA);
    }

    /** The family whose budget {@code family} draws on: itself unless it shares another's. */
    public EndpointFamily budgetOf(EndpointFamily family) {
        return sharedBudgets.getOrDefault(family, family);
    }

    public FamilyLimits limits(EndpointFamily family) {
        return families.getOrDefault(budgetOf(family), FamilyLimits.UNLIMITED);
    }
}
