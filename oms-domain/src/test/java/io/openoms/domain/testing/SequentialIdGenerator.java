package io.openoms.domain.testing;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.out.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/** Issues {@code O000000000001}, {@code O000000000002}, …: unique and sortable, for tests. */
public final class SequentialIdGenerator implements IdGenerator {
    private final AtomicLong next = new AtomicLong(1);

    @Override
    public ClientOrderId nextOrderId() {
        return ClientOrderId.of(String.format("O%012d", next.getAndIncrement()));
    }
}
