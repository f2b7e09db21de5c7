package io.openoms.app.runtime;

import java.util.Map;

/**
 * A way in that reads signals on its own threads (the Redis stream and channel), as the runtime sees
 * it: started after recovery and the schedules, just before HTTP; stopped first at shutdown, so that no
 * new order arrives while the engine drains; reported by {@code /health/ready} (informational: a
 * signal source that is down does not make the process unready, since REST still trades). Modules add
 * them with a Guice multibinder.
 */
public interface SignalSource {
    String name();

    void start();

    /** What {@code /health/ready} shows: {@code status} ({@code UP}/{@code DOWN}) and the source's facts. */
    Map<String, Object> health();

    /** Stops reading; idempotent. */
    void close();
}
