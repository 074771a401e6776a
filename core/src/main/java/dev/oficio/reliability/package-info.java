/**
 * Reliability: the {@link dev.oficio.reliability.ReliabilityEvent}s a pro's work produces, the
 * per-pro {@link dev.oficio.reliability.ReliabilityCounters} that fold them in O(1) with
 * exponential time decay, the configurable {@link dev.oficio.reliability.ReliabilityModel} that
 * turns them into an explainable {@link dev.oficio.reliability.ReliabilityScore} (0–100, with a
 * tier held between assessments), the {@link dev.oficio.reliability.Eligibility} gates for booking,
 * concierge bidding and promotions, and the {@link dev.oficio.reliability.Ranker} that orders
 * candidate pros for a request.
 *
 * <p>Pure: this package imports only {@code java.*} and {@code dev.oficio.shared}; time always
 * comes in as an argument ({@code Instant at}), never from a clock.
 */
package dev.oficio.reliability;
