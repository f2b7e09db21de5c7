package io.openoms.application.events;

import io.openoms.domain.port.in.OmsEvent;
import java.util.List;

/**
 * Where the engine hands events once they are durable. Implementations return at once (delivery
 * happens on listeners' own executors) and never throw back into the engine.
 */
public interface OmsEventPublisher {
    void publish(List<OmsEvent> events);
}
