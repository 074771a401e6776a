/**
 * JDBC implementations of core's repository ports on PostgreSQL and embedded H2: the unit-of-work
 * runner, the append-only ledger, the transactional outbox, the webhook inbox and {@code SKIP
 * LOCKED} timers, over a schema kept by Flyway migrations. Start at {@link
 * dev.oficio.jdbc.OficioJdbc}.
 */
package dev.oficio.jdbc;
