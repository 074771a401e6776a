package dev.oficio.payments;

import dev.oficio.persistence.Inbox;
import dev.oficio.persistence.InboxEvent;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.ValidationException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook inbox (ARCHITECTURE.md, "Webhooks"): verifies a delivery with its provider's {@link
 * ProviderEventVerifier}, stores the raw event in the {@link Inbox}, ignores a duplicate by
 * provider event id, and applies the event idempotently whatever the order: an event only ever
 * settles an open transaction, so a late or repeated event cannot move a payment backwards. Events
 * of unsigned providers are confirmed by a look-up before anything changes.
 *
 * <p>Thread-safe.
 */
public final class ProviderEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderEvents.class);

  private final PaymentService service;
  private final Inbox inbox;
  private final Map<String, ProviderEventVerifier> verifiers;

  ProviderEvents(
      PaymentService service, Inbox inbox, Map<String, ProviderEventVerifier> verifiers) {
    this.service = service;
    this.inbox = inbox;
    this.verifiers = Map.copyOf(verifiers);
  }

  /** What became of one delivery. */
  public enum Result {
    /** Stored and applied. */
    APPLIED,
    /** Seen before (same provider event id); nothing done. */
    DUPLICATE,
    /** Stored; nothing to change (already settled, unknown object, or an event Oficio ignores). */
    IGNORED
  }

  /**
   * Accepts one webhook delivery. Answer the provider 2xx for every result; a thrown {@link
   * ValidationException} (bad signature, unknown provider) should be answered 400.
   *
   * @param provider the provider name, e.g. {@code stripe}
   * @param rawBody the body exactly as received
   * @param headers the HTTP headers (any case)
   */
  public Result accept(String provider, String rawBody, Map<String, String> headers) {
    ProviderEventVerifier verifier = verifiers.get(provider);
    if (verifier == null) {
      throw ValidationException.of("provider", "no event verifier for provider '" + provider + "'");
    }
    if (rawBody == null) {
      throw ValidationException.of("rawBody", "must not be null");
    }
    Map<String, String> lower = new HashMap<>();
    if (headers != null) {
      headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    }
    ProviderEvent event = verifier.verify(rawBody, lower);
    boolean fresh =
        service
            .transactions()
            .inTransaction(
                () -> {
                  boolean stored =
                      inbox.store(
                          new InboxEvent(
                              provider,
                              event.eventId(),
                              event.type(),
                              service.clock().instant(),
                              rawBody));
                  return stored || !inbox.isProcessed(provider, event.eventId());
                });
    if (!fresh) {
      return Result.DUPLICATE;
    }
    Result result = apply(provider, verifier.signed(), event);
    service
        .transactions()
        .run(() -> inbox.markProcessed(provider, event.eventId(), service.clock().instant()));
    return result;
  }

  private Result apply(String provider, boolean signed, ProviderEvent event) {
    if (event instanceof ProviderEvent.TransactionUpdate u) {
      return applyTransaction(signed, u);
    }
    if (event instanceof ProviderEvent.PayeeUpdate u) {
      return applyPayee(provider, u);
    }
    return Result.IGNORED;
  }

  private Result applyTransaction(boolean signed, ProviderEvent.TransactionUpdate u) {
    Optional<Payment> found;
    try {
      found = Optional.of(service.get(u.payment()));
    } catch (NotFoundException e) {
      found = Optional.empty();
    }
    Optional<PaymentTransaction> tx =
        found.flatMap(
            p ->
                p.transactions().stream()
                    .filter(t -> t.kind() == u.kind())
                    .filter(
                        t ->
                            t.idempotencyKey().equals(u.idempotencyKey())
                                || (u.providerReference() != null
                                    && u.providerReference().equals(t.providerReference())))
                    .findFirst());
    if (tx.isEmpty()) {
      LOG.warn("event {} names no known transaction of payment {}", u.eventId(), u.payment());
      return Result.IGNORED;
    }
    if (tx.get().status().isFinal()) {
      return Result.IGNORED;
    }
    GatewayOutcome outcome = signed ? u.outcome() : service.lookup(found.get(), tx.get());
    if (outcome instanceof GatewayOutcome.Declined d && d.isNotFound()) {
      return Result.IGNORED;
    }
    if (!(outcome instanceof GatewayOutcome.Succeeded)
        && !(outcome instanceof GatewayOutcome.Declined)) {
      return Result.IGNORED;
    }
    PaymentTransaction settled = service.record(u.payment(), tx.get().idempotencyKey(), outcome);
    return settled.status().isFinal() ? Result.APPLIED : Result.IGNORED;
  }

  private Result applyPayee(String provider, ProviderEvent.PayeeUpdate u) {
    return service
        .transactions()
        .inTransaction(
            () -> {
              Optional<PayeeAccount> account =
                  service.payees().findByProviderAccount(provider, u.providerAccountId());
              if (account.isEmpty() || u.occurredAt().isBefore(account.get().updatedAt())) {
                // Unknown account, or an older report arriving late: never go backwards.
                return Result.IGNORED;
              }
              service
                  .payees()
                  .save(
                      account
                          .get()
                          .updated(
                              u.onboarding(),
                              u.payoutsEnabled(),
                              u.requirementsDue(),
                              u.occurredAt()));
              return Result.APPLIED;
            });
  }
}
