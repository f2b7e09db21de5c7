package io.openoms.domain.port.out;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.Order;
import java.util.List;
import java.util.Optional;

/** One page of an {@link OrderQuery}; {@code next} is the cursor of the following page, empty on the last. */
public record OrderPage(List<Order> items, Optional<String> next) {
    public OrderPage {
        items = List.copyOf(requireNonNull(items, "items is null"));
        requireNonNull(next, "next is null");
    }
}
