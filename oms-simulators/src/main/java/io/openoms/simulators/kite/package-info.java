/**
 * A Kite Connect v3 compatible simulator over the simulated venue: REST (form-encoded requests, JSON
 * envelopes, Kite error types and statuses) and the order-update WebSocket, with fault switches.
 *
 * <p>{@link io.openoms.simulators.kite.KiteSimulator} is the entry point,
 * {@link io.openoms.simulators.kite.KiteSimulatorConfig} its configuration,
 * {@link io.openoms.simulators.kite.KiteFaults} its fault switches and
 * {@link io.openoms.simulators.kite.KiteSimulatorTicker} what an app schedule calls to move
 * venue time.
 */
package io.openoms.simulators.kite;
