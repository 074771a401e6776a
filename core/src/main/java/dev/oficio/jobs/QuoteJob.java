package dev.oficio.jobs;

import dev.oficio.shared.CustomerId;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Command: price a job for a customer and a pro.
 *
 * @param customer who pays
 * @param pro who works
 * @param amount the job's price (the fee quote's gross amount)
 * @param scheduledAt when the work starts
 * @param paymentMethod the customer's payment method at the provider
 * @param category the service category for the fee rules, or null
 * @param plan the pro's plan for the fee rules, or null
 */
public record QuoteJob(
    @NotNull CustomerId customer,
    @NotNull ProId pro,
    @NotNull Money amount,
    @NotNull Instant scheduledAt,
    @NotBlank String paymentMethod,
    String category,
    String plan) {}
