package io.openoms.domain.risk;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs an ordered, immutable list of {@link RiskCheck}s against a new order request and stops at
 * the first failure. The {@link RiskDecision} lists every check run, in order, up to and including
 * the one that failed.
 *
 * <p>The standard checks, in their documented order, come from
 * {@code io.openoms.domain.risk.checks.StandardChecks.validator()} (they live in the sub-package,
 * which depends on this one, so this class cannot name them). Authors add their own checks with
 * {@link #withCheck} or build a validator from any list.
 *
 * <p>The validator fails closed: a check that throws, or returns {@code null}, is a bug, and the
 * request is refused with a reason naming the check ({@code check X failed unexpectedly: ...}).
 * Errors ({@link Error}) are not caught; they abort the decision, which places no order either.
 *
 * <p>New orders go through {@link #validate}, modifications of working orders through {@link
 * #validateModification}, with the same checks. Cancels never do: no check, limit or trading state
 * may stand between a trader and cancelling an order.
 *
 * <p>Thread safety: immutable, and safe to share when its checks are (the standard checks are).
 */
public final class PreTradeValidator {
    private static final Pattern CHECK_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private final List<RiskCheck> checks;
    private final List<String> names;

    /** A validator running {@code checks} in the given order; names must be unique and SCREAMING_SNAKE. */
    public PreTradeValidator(List<? extends RiskCheck> checks) {
        requireNonNull(checks, "checks is null");
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (RiskCheck check : checks) {
            requireNonNull(check, "a check is null");
            String name = requireNonNull(check.name(), "a check's name is null");
            if (!CHECK_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "check name must be SCREAMING_SNAKE_CASE (e.g. MAX_ORDER_QUANTITY), got '" + name + "'");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("two checks are named " + name);
            }
            names.add(name);
        }
        this.checks = List.copyOf(checks);
        this.names = List.copyOf(names);
    }

    public static PreTradeValidator of(RiskCheck... checks) {
        return new PreTradeValidator(List.of(checks));
    }

    /** The checks, in the order they run. */
    public List<RiskCheck> checks() {
        return checks;
    }

    /** A new validator that runs {@code check} after this one's checks. */
    public PreTradeValidator withCheck(RiskCheck check) {
        List<RiskCheck> extended = new ArrayList<>(checks);
        extended.add(requireNonNull(check, "check is null"));
        return new PreTradeValidator(extended);
    }

    /** Runs the checks in order against a new order request, stopping at the first failure. */
    public RiskDecision validate(OrderRequest request, RiskContext context) {
        requireNonNull(request, "request is null");
        requireNonNull(context, "context is null");
        return run(request, context);
    }

    /**
     * Runs the checks against a working order as it would stand after {@code modification}: as a new
     * request for what it would have left to fill (the new total quantity less the filled quantity),
     * at the new prices, in {@code context} with the order itself taken out of the working orders, so
     * that it is not counted twice and the buying power it holds is released (only an increase must
     * fit). A modification that only lowers the quantity passes the {@code REDUCING} trading state.
     * Checked this way, a modification can do exactly what cancelling the order and submitting its
     * remainder at the new terms could, and no more.
     *
     * <p>{@code order} must be working and {@code modification} must fit it (as
     * {@code OrderManager.checkModification} makes sure); {@code context} counts the order among the
     * working orders, as it is.
     */
    public RiskDecision validateModification(Order order, OrderModification modification, RiskContext context) {
        requireNonNull(order, "order is null");
        requireNonNull(modification, "modification is null");
        requireNonNull(context, "context is null");
        if (!order.isOpen()) {
            throw new IllegalArgumentException("order " + order.id() + " is " + order.status() + ", not working");
        }
        return run(
                ModifiedOrderRequest.of(order, modification),
                new ModificationContext(context, order, ModifiedOrderRequest.onlyReducesRisk(order, modification)));
    }

    private RiskDecision run(OrderRequest request, RiskContext context) {
        List<RiskCheckOutcome> outcomes = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            RiskCheckResult result = runFailingClosed(names.get(i), checks.get(i), request, context);
            outcomes.add(new RiskCheckOutcome(names.get(i), result));
            if (result.failed()) {
                break;
            }
        }
        return new RiskDecision(outcomes);
    }

    private static RiskCheckResult runFailingClosed(
            String name, RiskCheck check, OrderRequest request, RiskContext context) {
        try {
            RiskCheckResult result = check.check(request, context);
            if (result == null) {
                return RiskCheckResult.fail("check " + name + " failed unexpectedly: it returned no result");
            }
            return result;
        } catch (Exception e) {
            return RiskCheckResult.fail("check " + name + " failed unexpectedly: " + e);
        }
    }

    @Override
    public String toString() {
        return "PreTradeValidator" + names;
    }
}
