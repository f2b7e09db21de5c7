/** A simulated venue implementing the broker gateway: seeded or scripted prices, matching, partial fills, latency and fault injection; deterministic for a given seed. */
package io.openoms.adapters.broker.mock;
