package io.openoms.domain.contingent;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The list as it stands once decided (new legs released) and the actions to take, in order. */
public record Plan(OrderList list, List<ContingentAction> actions) {
    public Plan {
        requireNonNull(list, "list is null");
        actions = List.copyOf(actions);
    }
}
