/**
 * Pieces every repository shares: the {@link dev.oficio.persistence.TransactionRunner} port, the
 * transactional {@link dev.oficio.persistence.Outbox}, the webhook {@link
 * dev.oficio.persistence.Inbox}, durable {@link dev.oficio.persistence.Timers} and the {@link
 * dev.oficio.persistence.TimerRunner} that fires them, each with an in-memory implementation. JDBC
 * implementations live in {@code oficio-jdbc}.
 */
package dev.oficio.persistence;
