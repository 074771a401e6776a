/**
 * Tiered platform fees: immutable, versioned {@link dev.oficio.fees.FeeSchedule}s of {@link
 * dev.oficio.fees.FeeRule}s, the {@link dev.oficio.fees.FeeSchedules} registry, and the {@link
 * dev.oficio.fees.FeeResolver} that turns a {@link dev.oficio.fees.FeeQuery} into an explained,
 * cent-exact {@link dev.oficio.fees.FeeQuote} (and a {@link dev.oficio.fees.RefundQuote} when money
 * goes back). Pure functions over immutable data: this package imports only {@code java.*} and
 * {@code dev.oficio.shared}.
 */
package dev.oficio.fees;
