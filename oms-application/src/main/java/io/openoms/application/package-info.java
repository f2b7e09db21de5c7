/** The application core: the single-writer engine that implements the driving ports, broker-update ingestion, order monitoring and reconciliation logic, and the event bus. Depends on the domain, SLF4J and jakarta.inject annotations only. */
package io.openoms.application;
