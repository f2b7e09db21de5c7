/** The persistence adapter: Jdbi stores for orders, positions, risk limits and instruments, the group-commit journal writer, and the Liquibase changelog shared by PostgreSQL and H2. */
package io.openoms.adapters.persistence;
