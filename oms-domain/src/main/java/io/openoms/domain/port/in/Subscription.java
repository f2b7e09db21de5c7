package io.openoms.domain.port.in;

/** A listener's registration; closing it stops delivery after the event being delivered, if any. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
