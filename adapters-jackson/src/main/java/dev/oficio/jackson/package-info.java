/**
 * JSON and CSV formats of Oficio's domain types on Jackson 3. {@link
 * dev.oficio.jackson.FeeScheduleJson} reads and writes fee schedules in the documented format
 * (docs/fees.md); errors name the JSON path and never leak Jackson exceptions.
 */
package dev.oficio.jackson;
