/**
 * An Alpaca Trading API v2 compatible simulator over the simulated venue, written from Alpaca's
 * public API documentation (not from any SDK): REST under {@code /v2} with the key-pair headers, and
 * the {@code trade_updates} WebSocket stream (auth, listen, order events). Test fixture only.
 */
package io.openoms.simulators.alpaca;
