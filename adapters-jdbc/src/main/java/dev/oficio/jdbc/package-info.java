/**
 * JDBC implementations of core's repository ports on PostgreSQL and embedded H2, with Flyway
 * migrations, the outbox, the inbox and {@code SKIP LOCKED} timers. Arrives with the persistence
 * issue.
 */
package dev.oficio.jdbc;
