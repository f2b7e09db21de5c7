/** The Zerodha Kite Connect v3 adapter: REST over OkHttp, the order-update stream, postbacks, instruments master and Kite's rate limits. */
package io.openoms.adapters.broker.zerodha;
