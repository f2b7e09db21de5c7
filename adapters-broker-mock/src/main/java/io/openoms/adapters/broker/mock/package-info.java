/**
 * A simulated venue implementing the broker gateway: seeded or scripted prices, matching, partial fills,
 * latency and fault injection; deterministic for a given seed.
 *
 * <p>{@link io.openoms.adapters.broker.mock.SimulatedVenue} is the venue (no threads, no clock: time
 * moves by {@code advanceTo}/{@code step}); {@link io.openoms.adapters.broker.mock.MockBrokerGateway}
 * is its {@code BrokerGateway}; {@link io.openoms.adapters.broker.mock.VenueFaults} its fault switches;
 * {@link io.openoms.adapters.broker.mock.MockVenueConfig} its configuration; and
 * {@link io.openoms.adapters.broker.mock.VenueTicker} the method an app schedule calls to drive it.
 */
package io.openoms.adapters.broker.mock;
