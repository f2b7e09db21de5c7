/**
 * Driving ports: what strategy authors, the REST API and broker adapters call. A strategy author
 * compiles against {@code oms-domain} alone and talks to OpenOMS through these interfaces.
 */
package io.openoms.domain.port.in;
