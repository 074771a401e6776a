/**
 * Payments: the {@link dev.oficio.payments.PaymentGateway} port and its requests and outcomes. The
 * Payment aggregate, the janitor, the webhook inbox and payees arrive with the payments issue.
 */
package dev.oficio.payments;
