package dev.oficio.payments;

import dev.oficio.shared.PaymentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Repository port of {@link Payment}s. Call inside a unit of work ({@link
 * dev.oficio.persistence.TransactionRunner}). Writes use optimistic locking on {@link
 * Payment#version()}.
 *
 * <p>Implementations are thread-safe. The in-memory one is {@link InMemoryPayments}; the contract
 * every implementation meets is {@code PaymentsContractTest} in core's test-jar.
 */
public interface Payments {

  /** The payment with this id, at its stored version. */
  Optional<Payment> find(PaymentId id);

  /**
   * Stores {@code payment}: inserts it when its version is 0 and the id is new, otherwise replaces
   * the stored payment whose version equals {@code payment.version()}.
   *
   * @return the payment as stored, at version {@code payment.version() + 1}
   * @throws dev.oficio.shared.ConcurrencyException if the stored version differs (or the id exists
   *     when inserting)
   */
  Payment save(Payment payment);

  /**
   * Up to {@code max} payments with at least one open transaction (PENDING or UNKNOWN) whose {@link
   * PaymentTransaction#nextCheckAt()} is at or before {@code now}, earliest due first. The janitor
   * reads it.
   */
  List<Payment> findDue(Instant now, int max);
}
