package dev.oficio.payments;

/**
 * Told when a payment transaction reaches a final status (SUCCEEDED or DECLINED), after the unit of
 * work that recorded it and outside any other, by the process that recorded it. A crash in between
 * skips the call, so owners also repair their state on their next command; implementations are
 * idempotent.
 */
@FunctionalInterface
public interface SettlementListener {

  /**
   * @param payment the payment as stored after the settlement
   * @param transaction the settled transaction
   */
  void settled(Payment payment, PaymentTransaction transaction);
}
