/**
 * Oficio's entry point: the {@link dev.oficio.Oficio} facade and its builder. Start here; each
 * bounded context lives in its own sub-package ({@code shared}, {@code ledger}, {@code
 * persistence}, and the domain contexts as they land).
 */
package dev.oficio;
