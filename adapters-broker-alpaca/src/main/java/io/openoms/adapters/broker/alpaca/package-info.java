/**
 * The Alpaca Trading API v2 adapter: REST over OkHttp (orders, replace, cancel, positions, account,
 * assets, clock and calendar), the {@code trade_updates} WebSocket stream, fractional quantities and
 * Alpaca's 200 requests/minute budget. See {@code docs/alpaca.md}.
 */
package io.openoms.adapters.broker.alpaca;
