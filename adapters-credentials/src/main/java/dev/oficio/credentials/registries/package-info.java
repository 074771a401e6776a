/**
 * Puerto Rico licence registries (DACO, peritos electricistas, plumbers), roster imports and
 * deterministic fixtures behind core's {@code CredentialRegistry}. Not yet built: no issue has been
 * filed for it.
 */
package dev.oficio.credentials.registries;
