/**
 * The shared kernel every context uses: {@link dev.oficio.shared.Money} and {@link
 * dev.oficio.shared.Rate} (exact money and percentages), typed ids and the {@link
 * dev.oficio.shared.IdGenerator} port, the Puerto Rico {@link dev.oficio.shared.BusinessCalendar},
 * {@link dev.oficio.shared.DomainEvent}, the {@link dev.oficio.shared.Validation} helper and the
 * error model rooted at {@link dev.oficio.shared.OficioException}.
 */
package dev.oficio.shared;
