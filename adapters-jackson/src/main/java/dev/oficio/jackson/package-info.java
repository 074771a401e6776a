/**
 * JSON and CSV formats of Oficio's domain types on Jackson 3. {@link
 * dev.oficio.jackson.FeeScheduleJson} reads and writes fee schedules in the documented format
 * (docs/fees.md); {@link dev.oficio.jackson.ReliabilityEventsJson} reads and writes reliability
 * events as JSON Lines and {@link dev.oficio.jackson.ReliabilityScoreJson} writes a score's
 * drill-down (docs/reliability.md). Errors name the JSON path (or line) and never leak Jackson
 * exceptions.
 */
package dev.oficio.jackson;
