/**
 * Driven ports: what the core needs from the outside world, implemented by adapters. Every port
 * states its thread-safety and idempotency; implementations translate and nothing more.
 */
package io.openoms.domain.port.out;
