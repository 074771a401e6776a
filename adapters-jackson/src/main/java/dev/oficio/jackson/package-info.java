/**
 * JSON and CSV formats of Oficio's domain types (fee schedules, domain events, exports) on Jackson
 * 3: {@link dev.oficio.jackson.ReliabilityEventsJson} reads and writes reliability events as JSON
 * Lines, {@link dev.oficio.jackson.ReliabilityScoreJson} writes a score's drill-down.
 */
package dev.oficio.jackson;
