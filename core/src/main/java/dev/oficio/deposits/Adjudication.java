package dev.oficio.deposits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The playbook's (or an operator's) decision on one appointment: who was absent, which rule fired,
 * the evidence it used, what happens to the deposit and a plain-language explanation.
 *
 * @param party the finding
 * @param rule the rule that fired, e.g. {@code customer-no-show} or {@code
 *     operator:CUSTOMER_ABSENT}
 * @param evidence the facts used
 * @param settlement what happens to the deposit; null while a review is open
 * @param reviewDeadline for {@link Party#NEEDS_REVIEW}, the operator's SLA deadline; else null
 * @param creditWindowEnds for {@link Party#BOTH_ATTENDED} with no job booked yet, when the deposit
 *     is refunded unless a job is booked first; else null (then {@code settlement} is null too)
 * @param explanation a sentence an admin and the customer can read
 */
public record Adjudication(
    Party party,
    String rule,
    List<Evidence> evidence,
    DepositSettlement settlement,
    Instant reviewDeadline,
    Instant creditWindowEnds,
    String explanation) {

  /** Copies the evidence. */
  public Adjudication {
    evidence = List.copyOf(evidence);
  }

  /** The settlement, absent while under review. */
  public Optional<DepositSettlement> settlementIfDecided() {
    return Optional.ofNullable(settlement);
  }
}
