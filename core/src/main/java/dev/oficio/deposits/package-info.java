/**
 * Estimate deposits, attendance and automated no-show adjudication: the {@link
 * dev.oficio.deposits.Appointment} aggregate with its deposit, the {@link
 * dev.oficio.deposits.DepositPolicy} (cancellation windows, reschedule limits, playbook thresholds)
 * and the {@link dev.oficio.deposits.NoShowPlaybook} that decides who missed a visit, with the rule
 * that fired and the evidence it used.
 */
package dev.oficio.deposits;
