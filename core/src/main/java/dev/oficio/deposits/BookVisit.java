package dev.oficio.deposits;

import dev.oficio.shared.CustomerId;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Command: a customer books an estimate visit with a deposit.
 *
 * @param customer the customer
 * @param pro the pro
 * @param category the service category, e.g. {@code electrical}
 * @param slotStart the visit's start
 * @param slotEnd the visit's end
 * @param location where, or null if unknown (then no geofence check)
 * @param deposit the deposit amount
 * @param paymentMethod the provider's payment method reference
 */
public record BookVisit(
    @NotNull CustomerId customer,
    @NotNull ProId pro,
    @NotBlank String category,
    @NotNull Instant slotStart,
    @NotNull Instant slotEnd,
    GeoPoint location,
    @NotNull Money deposit,
    @NotBlank String paymentMethod) {}
