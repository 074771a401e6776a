/**
 * Jobs, the spine of a booking: the {@link dev.oficio.jobs.Job} aggregate (quoted → accepted → in
 * progress → completed → closed, or cancelled, disputed, refunded), its {@link
 * dev.oficio.jobs.Jobs} repository, and the {@link dev.oficio.jobs.JobService} that freezes the fee
 * quote and moves the money through the payments context by the gateway's capabilities.
 */
package dev.oficio.jobs;
