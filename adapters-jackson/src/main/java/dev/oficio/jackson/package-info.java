/**
 * JSON and CSV formats of Oficio's domain types (fee schedules, domain events, exports) on Jackson
 * 3. Arrives with the fee issue: {@code FeeScheduleJson} first.
 */
package dev.oficio.jackson;
