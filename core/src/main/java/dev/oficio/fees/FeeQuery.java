package dev.oficio.fees;

import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;

/**
 * What to quote: a job's gross amount at an instant, for a pro, plan and category, with the pro's
 * billed volume before this job (for {@link FeeBasis#PRO_VOLUME} rules). Immutable.
 *
 * @param amount the job's gross amount, zero or more
 * @param at the instant whose effective schedule applies (e.g. when the pro accepted the job)
 * @param proId the pro, or {@code null} when unknown
 * @param plan the pro's plan, or {@code null}
 * @param category the job's service category, or {@code null}
 * @param priorVolume the pro's volume billed in the window before this job, zero or more, same
 *     currency as {@code amount}
 */
public record FeeQuery(
    Money amount, Instant at, ProId proId, String plan, String category, Money priorVolume) {

  /** Checks the amounts and names. */
  public FeeQuery {
    if (amount == null) {
      throw ValidationException.of("amount", "must not be null");
    }
    if (amount.isNegative()) {
      throw ValidationException.of(
          "amount", amount.toDecimal().toPlainString() + " must not be negative");
    }
    if (at == null) {
      throw ValidationException.of("at", "must not be null");
    }
    if (plan != null && plan.isBlank()) {
      throw ValidationException.of("plan", "must not be blank; use null for none");
    }
    if (category != null && category.isBlank()) {
      throw ValidationException.of("category", "must not be blank; use null for none");
    }
    if (priorVolume == null) {
      priorVolume = Money.zero(amount.currency());
    }
    if (!priorVolume.currency().equals(amount.currency())) {
      throw ValidationException.of(
          "priorVolume",
          "currency " + priorVolume.currency() + " differs from the amount's " + amount.currency());
    }
    if (priorVolume.isNegative()) {
      throw ValidationException.of(
          "priorVolume", priorVolume.toDecimal().toPlainString() + " must not be negative");
    }
  }

  /** A query for {@code amount} at {@code at}, no pro, plan, category or prior volume. */
  public static FeeQuery of(Money amount, Instant at) {
    return new FeeQuery(amount, at, null, null, null, null);
  }

  /** This query for {@code proId}. */
  public FeeQuery withPro(ProId proId) {
    return new FeeQuery(amount, at, proId, plan, category, priorVolume);
  }

  /** This query for a pro on {@code plan}. */
  public FeeQuery withPlan(String plan) {
    return new FeeQuery(amount, at, proId, plan, category, priorVolume);
  }

  /** This query for a job in {@code category}. */
  public FeeQuery withCategory(String category) {
    return new FeeQuery(amount, at, proId, plan, category, priorVolume);
  }

  /** This query with the pro's prior billed volume. */
  public FeeQuery withPriorVolume(Money priorVolume) {
    return new FeeQuery(amount, at, proId, plan, category, priorVolume);
  }

  /** This query for another amount. */
  public FeeQuery withAmount(Money amount) {
    return new FeeQuery(amount, at, proId, plan, category, priorVolume);
  }
}
