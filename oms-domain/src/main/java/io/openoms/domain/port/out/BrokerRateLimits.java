package io.openoms.application.ratelimit;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * One broker's limits.
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

    /**
     * Kite Connect's limits (see {@code reference/kite-connect.md}, section 8): orders 10/s,
     * 200/min (the older, stricter of the two published figures) and 5,000/day; queries 10/s;
     * quotes 1/s. Whether modifications and cancellations count against the order budget is
     * unconfirmed, so they are budgeted as orders: a cancel then never causes a 429 on the order
     * budget, and cancels still go first through {@link RequestPriority#CANCEL}. Kite caps one
     * order at 25 modifications.
     */
    public static BrokerRateLimits kite() {
        Map<EndpointFamily, FamilyLimits> families = new EnumMap<>(EndpointFamily.class);
        families.put(EndpointFamily.ORDERS, new FamilyLimits(10, 200, 5_000));
        families.put(EndpointFamily.QUERIES, FamilyLimits.perSecond(10));
        families.put(EndpointFamily.QUOTES, FamilyLimits.perSecond(1));
        return new BrokerRateLimits(families, Map.of(EndpointFamily.MODIFICATIONS, EndpointFamily.ORDERS), 25, INDIA);
    }

    /** The family whose budget {@code family} draws on: itself unless it shares another's. */
    public EndpointFamily budgetOf(EndpointFamily family) {
        return sharedBudgets.getOrDefault(family, family);
    }

    public FamilyLimits limits(EndpointFamily family) {
        return families.getOrDefault(budgetOf(family), FamilyLimits.UNLIMITED);
    }
}
