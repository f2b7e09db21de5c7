package io.openoms.app.metrics;

import java.time.Duration;

/**
 * Histogram bucket bounds, fixed per kind of wait so that Prometheus can compute quantiles across
 * instances ({@code histogram_quantile}) with a dozen or so buckets instead of Micrometer's default
 * of hundreds.
 */
final class Buckets {
    /** Commands through the engine: a journal commit is in every one (milliseconds on PostgreSQL). */
    static final Duration[] COMMAND =
            seconds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);

    /** Pure computation on the engine thread: microseconds. */
    static final Duration[] COMPUTATION =
            seconds(0.000001, 0.0000025, 0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.01);

    /** A round trip to a broker over the network, or a wait for its rate limit. */
    static final Duration[] BROKER =
            seconds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30);

    /** Events in one journal batch: one command writes a few; a busy engine groups many commands. */
    static final double[] BATCH_EVENTS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000};

    private Buckets() {}

    private static Duration[] seconds(double... bounds) {
        Duration[] durations = new Duration[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(bounds[i] * 1_000_000_000L));
        }
        return durations;
    }
}
