/**
 * ATH Móvil Business payments, refunds and webhooks over {@code java.net.http} and Jackson. Not yet
 * built: no issue has been filed for it.
 */
package dev.oficio.ath;
