package dev.oficio.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Account;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.model.Transfer;
import com.stripe.net.Webhook;
import dev.oficio.payments.GatewayOutcome;
import dev.oficio.payments.TransactionKind;
import dev.oficio.persistence.Inbox;
import dev.oficio.persistence.InboxEvent;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Stripe webhook deliveries and maps them to {@link StripeEvent}s.
 *
 * <p>The {@code Stripe-Signature} header ({@code t=…,v1=…[,v1=…]}) is checked on the raw body with
 * stripe-java's {@code Webhook.Signature} against every configured endpoint secret (so a secret can
 * be rolled), in constant time; any matching {@code v1} is accepted. The timestamp must be within
 * the tolerance (default 300 s) in both directions: stripe-java only rejects old timestamps, so
 * timestamps too far in the future are rejected here.
 *
 * <p>Verification failures are {@link ValidationException}s on field {@code signature} (or {@code
 * body}); answer them with HTTP 400. Thread-safe.
 */
public final class StripeWebhookVerifier {
  /** The signature header's name. */
  public static final String SIGNATURE_HEADER = "Stripe-Signature";

  private static final Logger log = LoggerFactory.getLogger(StripeWebhookVerifier.class);
  // Core's ProviderEventVerifier contract names the field "signature".
  private static final String FIELD = "signature";

  private final List<String> secrets;
  private final long toleranceSeconds;
  private final Clock clock;

  private StripeWebhookVerifier(List<String> secrets, long toleranceSeconds, Clock clock) {
    this.secrets = secrets;
    this.toleranceSeconds = toleranceSeconds;
    this.clock = clock;
  }

  /**
   * A verifier with the config's webhook secrets and tolerance.
   *
   * @param config needs at least one webhook secret
   * @param clock the time signatures are checked against
   */
  public static StripeWebhookVerifier create(StripeConfig config, Clock clock) {
    if (config == null) {
      throw ValidationException.of("config", "must not be null");
    }
    if (config.webhookSecrets().isEmpty()) {
      throw ValidationException.of("webhookSecrets", "at least one webhook secret is required");
    }
    if (clock == null) {
      throw ValidationException.of("clock", "must not be null");
    }
    return new StripeWebhookVerifier(
        config.webhookSecrets(), config.webhookTolerance().toSeconds(), clock);
  }

  /**
   * Verifies the delivery and maps it.
   *
   * @param rawBody the request body exactly as received (not re-serialized JSON)
   * @param signatureHeader the {@code Stripe-Signature} header
   * @throws ValidationException if the signature does not verify or the body is not an event
   */
  public StripeEvent verify(String rawBody, String signatureHeader) {
    if (rawBody == null || rawBody.isEmpty()) {
      throw ValidationException.of("body", "must not be empty");
    }
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw ValidationException.of(FIELD, "the Stripe-Signature header is missing");
    }
    long timestamp = timestamp(signatureHeader);
    long now = clock.instant().getEpochSecond();
    // Both bounds checked here: stripe-java rejects only old timestamps (and its message is not an
    // API), never ones from the future.
    if (timestamp > now + toleranceSeconds) {
      throw ValidationException.of(FIELD, "timestamp is further in the future than the tolerance");
    }
    if (timestamp < now - toleranceSeconds) {
      throw ValidationException.of(FIELD, "timestamp is older than the tolerance");
    }
    boolean verified = false;
    for (String secret : secrets) {
      try {
        Webhook.Signature.verifyHeader(rawBody, signatureHeader, secret, toleranceSeconds, clock);
        verified = true;
        break;
      } catch (SignatureVerificationException e) {
        // Try the next secret: during a roll Stripe signs with both.
      } catch (RuntimeException e) {
        throw ValidationException.of(FIELD, "the Stripe-Signature header is malformed");
      }
    }
    if (!verified) {
      throw ValidationException.of(
          FIELD, "no v1 signature in Stripe-Signature matches an endpoint secret");
    }
    Event event;
    try {
      event = Webhook.constructEventWithoutVerification(rawBody);
    } catch (RuntimeException e) {
      throw ValidationException.of("body", "is not a Stripe event");
    }
    if (event == null || event.getId() == null || event.getType() == null) {
      throw ValidationException.of("body", "is not a Stripe event: id and type are required");
    }
    return map(event);
  }

  /**
   * Verifies the delivery, stores it in {@code inbox} (the dedupe by event id) and, for types
   * Oficio does not act on, marks it processed at once. A redelivery of an event stored but never
   * marked processed (the host crashed while applying it) is not a duplicate: it is applied again,
   * so apply idempotently and mark the event processed once applied.
   *
   * @return the event and whether it was a duplicate delivery
   */
  public StripeDelivery receive(String rawBody, String signatureHeader, Inbox inbox) {
    if (inbox == null) {
      throw ValidationException.of("inbox", "must not be null");
    }
    StripeEvent event = verify(rawBody, signatureHeader);
    Instant now = clock.instant();
    boolean stored =
        inbox.store(new InboxEvent(StripeErrors.PROVIDER, event.id(), event.type(), now, rawBody));
    if (stored && event.ignored()) {
      inbox.markProcessed(StripeErrors.PROVIDER, event.id(), now);
    }
    boolean duplicate = !stored && inbox.isProcessed(StripeErrors.PROVIDER, event.id());
    log.info(
        "stripe webhook {} {} received{}",
        event.id(),
        event.type(),
        duplicate ? " again (duplicate)" : stored ? "" : " again (not yet applied)");
    return new StripeDelivery(event, duplicate);
  }

  private static long timestamp(String header) {
    for (String item : header.split(",", -1)) {
      String[] parts = item.trim().split("=", 2);
      if (parts.length == 2 && parts[0].equals("t")) {
        try {
          return Long.parseLong(parts[1].trim());
        } catch (NumberFormatException e) {
          throw ValidationException.of(FIELD, "Stripe-Signature has a malformed timestamp");
        }
      }
    }
    throw ValidationException.of(FIELD, "Stripe-Signature has no timestamp");
  }

  // ---- mapping -------------------------------------------------------------------------------

  static StripeEvent map(Event event) {
    StripeEventKind kind = StripeEventKind.of(event.getType());
    Instant created = event.getCreated() == null ? null : Instant.ofEpochSecond(event.getCreated());
    boolean livemode = Boolean.TRUE.equals(event.getLivemode());
    Fields fields = kind == StripeEventKind.IGNORED ? Fields.NONE : fields(event, kind);
    return new StripeEvent(
        event.getId(),
        event.getType(),
        kind,
        created,
        livemode,
        event.getAccount(),
        fields.objectId,
        fields.paymentIntent,
        fields.charge,
        fields.payment,
        fields.amount,
        fields.status,
        fields.reason,
        fields.payee,
        fields.transaction,
        idempotencyKey(event, fields),
        fields.outcome);
  }

  /**
   * The key of the request behind the event if Stripe echoes one, else (for objects Oficio created)
   * the creating call's key from the metadata.
   */
  private static IdempotencyKey idempotencyKey(Event event, Fields fields) {
    String echoed = event.getRequest() == null ? null : event.getRequest().getIdempotencyKey();
    String key = echoed != null ? echoed : fields.createdWithKey;
    if (key == null) {
      return null;
    }
    try {
      return new IdempotencyKey(key);
    } catch (ValidationException e) {
      return null;
    }
  }

  private record Fields(
      String objectId,
      String paymentIntent,
      String charge,
      PaymentId payment,
      Money amount,
      String status,
      String reason,
      StripePayeeStatus payee,
      TransactionKind transaction,
      String createdWithKey,
      GatewayOutcome outcome) {
    static final Fields NONE =
        new Fields(null, null, null, null, null, null, null, null, null, null, null);
  }

  private static Fields fields(Event event, StripeEventKind kind) {
    Optional<StripeObject> object = dataObject(event);
    if (object.isEmpty()) {
      return Fields.NONE;
    }
    StripeObject data = object.get();
    if (data instanceof PaymentIntent intent) {
      Long amount =
          switch (kind) {
            case PAYMENT_SUCCEEDED -> intent.getAmountReceived();
            case PAYMENT_AUTHORIZED -> intent.getAmountCapturable();
            default -> intent.getAmount();
          };
      StripeError error = intent.getLastPaymentError();
      String reason =
          error != null
              ? StripeErrors.firstNonBlank(error.getDeclineCode(), error.getCode())
              : intent.getCancellationReason();
      TransactionKind transaction = intentTransaction(kind, intent);
      boolean createdByThisCall =
          transaction == TransactionKind.AUTHORIZE || transaction == TransactionKind.CHARGE;
      return new Fields(
          intent.getId(),
          intent.getId(),
          intent.getLatestCharge(),
          payment(intent.getMetadata()),
          StripeMoney.money(amount, intent.getCurrency()),
          intent.getStatus(),
          reason,
          null,
          transaction,
          createdByThisCall ? metadata(intent.getMetadata(), StripeMetadata.IDEMPOTENCY_KEY) : null,
          transaction == null ? null : StripePaymentGateway.intentOutcome(transaction, intent));
    }
    if (data instanceof Charge charge) {
      return new Fields(
          charge.getId(),
          charge.getPaymentIntent(),
          charge.getId(),
          payment(charge.getMetadata()),
          StripeMoney.money(charge.getAmountRefunded(), charge.getCurrency()),
          charge.getStatus(),
          null,
          null,
          null,
          null,
          null);
    }
    if (data instanceof Dispute dispute) {
      return new Fields(
          dispute.getId(),
          dispute.getPaymentIntent(),
          dispute.getCharge(),
          payment(dispute.getMetadata()),
          StripeMoney.money(dispute.getAmount(), dispute.getCurrency()),
          dispute.getStatus(),
          dispute.getReason(),
          null,
          null,
          null,
          null);
    }
    if (data instanceof Transfer transfer) {
      Long amount =
          kind == StripeEventKind.TRANSFER_REVERSED
              ? transfer.getAmountReversed()
              : transfer.getAmount();
      boolean created = kind == StripeEventKind.TRANSFER_CREATED;
      return new Fields(
          transfer.getId(),
          null,
          transfer.getSourceTransaction(),
          payment(transfer.getMetadata()),
          StripeMoney.money(amount, transfer.getCurrency()),
          null,
          null,
          null,
          created ? TransactionKind.TRANSFER : null,
          created ? metadata(transfer.getMetadata(), StripeMetadata.IDEMPOTENCY_KEY) : null,
          created ? StripePaymentGateway.transferOutcome(transfer) : null);
    }
    if (data instanceof Account account) {
      return new Fields(
          account.getId(),
          null,
          null,
          null,
          null,
          null,
          null,
          StripePayeeStatus.of(account),
          null,
          null,
          null);
    }
    return Fields.NONE;
  }

  /**
   * The event's object. When the event's API version differs from stripe-java's, the safe
   * deserializer declines; the object is then read leniently (the fields used here are stable
   * across versions).
   */
  private static Optional<StripeObject> dataObject(Event event) {
    try {
      Optional<StripeObject> object = event.getDataObjectDeserializer().getObject();
      if (object.isPresent()) {
        return object;
      }
      return Optional.ofNullable(event.getDataObjectDeserializer().deserializeUnsafe());
    } catch (EventDataObjectDeserializationException | RuntimeException e) {
      log.warn("stripe event {} ({}) has an unreadable object", event.getId(), event.getType());
      return Optional.empty();
    }
  }

  /**
   * Which Oficio call a PaymentIntent event settles. A manual-capture intent is a hold: its success
   * is the capture, its failure the authorization. Refunds and transfer reversals are not named by
   * their events' objects and are settled by look-ups instead.
   */
  private static TransactionKind intentTransaction(StripeEventKind kind, PaymentIntent intent) {
    boolean hold = "manual".equals(intent.getCaptureMethod());
    return switch (kind) {
      case PAYMENT_AUTHORIZED -> TransactionKind.AUTHORIZE;
      case PAYMENT_SUCCEEDED -> hold ? TransactionKind.CAPTURE : TransactionKind.CHARGE;
      case PAYMENT_FAILED, PAYMENT_PROCESSING, PAYMENT_REQUIRES_ACTION ->
          hold ? TransactionKind.AUTHORIZE : TransactionKind.CHARGE;
      case PAYMENT_CANCELED -> TransactionKind.VOID;
      default -> null;
    };
  }

  private static String metadata(Map<String, String> metadata, String key) {
    return metadata == null ? null : metadata.get(key);
  }

  private static PaymentId payment(Map<String, String> metadata) {
    String value = metadata == null ? null : metadata.get(StripeMetadata.PAYMENT_ID);
    if (value == null) {
      return null;
    }
    try {
      return PaymentId.of(value);
    } catch (ValidationException e) {
      return null;
    }
  }
}
