package io.openoms.domain.port.out;

import io.openoms.domain.order.ClientOrderId;

/**
 * Issues client order ids: unique for the life of the system (also across restarts) and
 * time-sortable, so that ordering ids lexicographically orders them by creation.
 *
 * <p>Thread safety: safe to call from any thread.
 */
public interface IdGenerator {
    ClientOrderId nextOrderId();
}
