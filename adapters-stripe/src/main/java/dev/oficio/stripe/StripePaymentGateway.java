package dev.oficio.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.model.Transfer;
import com.stripe.model.TransferReversal;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import com.stripe.param.TransferReversalCreateParams;
import com.stripe.param.TransferReversalListParams;
import dev.oficio.payments.GatewayCall;
import dev.oficio.payments.GatewayCapabilities;
import dev.oficio.payments.GatewayOutcome;
import dev.oficio.payments.PaymentGateway;
import dev.oficio.payments.TransactionKind;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.Money;
import dev.oficio.shared.OficioException;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PaymentGateway} over Stripe PaymentIntents, Refunds, Transfers and Transfer reversals.
 * Every POST carries the request's idempotency key; lookups retrieve the object and map its status,
 * defaulting to {@link GatewayOutcome.Unknown} for statuses this adapter does not know. Thread-safe
 * (stripe-java's client is).
 */
final class StripePaymentGateway implements PaymentGateway {
  private static final Logger log = LoggerFactory.getLogger(StripePaymentGateway.class);
  private static final Currency USD = Currency.getInstance("USD");
  private static final String LATEST_CHARGE = "latest_charge";
  private static final long LIST_LIMIT = 100;

  static final GatewayCapabilities CAPABILITIES =
      new GatewayCapabilities(
          true,
          // The longest card hold (customer-initiated, big networks); each hold reports its own
          // expiry in captureBefore, which is what timers use.
          Duration.ofDays(7),
          true,
          true,
          true,
          true,
          true,
          USD,
          Money.ofMinor(50, USD),
          Money.ofMinor(99_999_999, USD));

  private final StripeClient client;
  private final Function<CustomerId, Optional<String>> stripeCustomers;

  StripePaymentGateway(
      StripeClient client, Function<CustomerId, Optional<String>> stripeCustomers) {
    this.client = client;
    this.stripeCustomers = stripeCustomers;
  }

  /** Uses the Oficio customer id as the Stripe customer when it is one ({@code cus_…}). */
  static Optional<String> customerIdIfStripe(CustomerId customer) {
    return customer.value().startsWith("cus_") ? Optional.of(customer.value()) : Optional.empty();
  }

  @Override
  public String provider() {
    return StripeErrors.PROVIDER;
  }

  @Override
  public GatewayCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public GatewayOutcome authorize(GatewayCall.Authorize request) {
    checkAmount("amount", request.amount());
    PaymentIntentCreateParams.Builder params =
        intentParams(
                request,
                request.customer(),
                request.pro().value(),
                request.amount(),
                request.paymentMethod(),
                request.payeeAccount(),
                request.metadata())
            .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL);
    if (request.offSession()) {
      params.setOffSession(true);
    }
    return call(
        "authorize",
        request,
        () ->
            intentOutcome(
                TransactionKind.AUTHORIZE,
                client
                    .v1()
                    .paymentIntents()
                    .create(params.build(), StripeClients.idempotent(request.idempotencyKey()))));
  }

  @Override
  public GatewayOutcome capture(GatewayCall.Capture request) {
    checkAmount("amount", request.amount());
    return call(
        "capture",
        request,
        () -> {
          PaymentIntentCaptureParams.Builder params =
              PaymentIntentCaptureParams.builder()
                  .setAmountToCapture(request.amount().minorUnits());
          // Stripe accepts application_fee_amount only on destination (or direct) charges; in the
          // separate-charges-and-transfers flow the platform keeps its fee by transferring less.
          if (request.platformFee().isPositive() && isConnectCharge(request.holdReference())) {
            params.setApplicationFeeAmount(request.platformFee().minorUnits());
          }
          return intentOutcome(
              TransactionKind.CAPTURE,
              client
                  .v1()
                  .paymentIntents()
                  .capture(
                      request.holdReference(),
                      params.build(),
                      StripeClients.idempotent(request.idempotencyKey())));
        });
  }

  private boolean isConnectCharge(String intentId) throws StripeException {
    PaymentIntent hold = client.v1().paymentIntents().retrieve(intentId);
    return hold.getTransferData() != null || hold.getOnBehalfOf() != null;
  }

  @Override
  public GatewayOutcome voidHold(GatewayCall.VoidHold request) {
    PaymentIntentCancelParams params =
        PaymentIntentCancelParams.builder()
            .setCancellationReason(cancellationReason(request.reason()))
            .build();
    return call(
        "void",
        request,
        () ->
            intentOutcome(
                TransactionKind.VOID,
                client
                    .v1()
                    .paymentIntents()
                    .cancel(
                        request.holdReference(),
                        params,
                        StripeClients.idempotent(request.idempotencyKey()))));
  }

  @Override
  public GatewayOutcome charge(GatewayCall.Charge request) {
    checkAmount("amount", request.amount());
    checkCurrency("platformFee", request.platformFee());
    if (request.platformFee().isGreaterThan(request.amount())) {
      throw ValidationException.of("platformFee", "must not exceed the amount");
    }
    PaymentIntentCreateParams.Builder params =
        intentParams(
                request,
                request.customer(),
                request.pro().value(),
                request.amount(),
                request.paymentMethod(),
                request.payeeAccount(),
                request.metadata())
            .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC);
    if (request.payeeAccount() != null && request.platformFee().isPositive()) {
      params.setApplicationFeeAmount(request.platformFee().minorUnits());
    }
    return call(
        "charge",
        request,
        () ->
            intentOutcome(
                TransactionKind.CHARGE,
                client
                    .v1()
                    .paymentIntents()
                    .create(params.build(), StripeClients.idempotent(request.idempotencyKey()))));
  }

  @Override
  public GatewayOutcome refund(GatewayCall.Refund request) {
    checkAmount("amount", request.amount());
    if (request.refundPlatformFee() && !request.reverseTransfer()) {
      throw ValidationException.of(
          "refundPlatformFee", "needs reverseTransfer on a destination charge");
    }
    RefundCreateParams.Builder params =
        RefundCreateParams.builder()
            .setPaymentIntent(request.paymentReference())
            .setAmount(request.amount().minorUnits());
    if (request.reverseTransfer()) {
      params.setReverseTransfer(true);
    }
    if (request.refundPlatformFee()) {
      params.setRefundApplicationFee(true);
    }
    StripeMetadata.of(request).forEach(params::putMetadata);
    return call(
        "refund",
        request,
        () ->
            refundOutcome(
                client
                    .v1()
                    .refunds()
                    .create(params.build(), StripeClients.idempotent(request.idempotencyKey()))));
  }

  @Override
  public GatewayOutcome transfer(GatewayCall.Transfer request) {
    checkAmount("amount", request.amount());
    Map<String, String> metadata = StripeMetadata.of(request);
    metadata.put(StripeMetadata.PRO_ID, request.pro().value());
    return call(
        "transfer",
        request,
        () -> {
          TransferCreateParams.Builder params =
              TransferCreateParams.builder()
                  .setAmount(request.amount().minorUnits())
                  .setCurrency(StripeMoney.currency(request.amount()))
                  .setDestination(request.payeeAccount())
                  .setTransferGroup(transferGroup(request));
          String source = sourceCharge(request.sourceTransaction());
          if (source != null) {
            params.setSourceTransaction(source);
          }
          metadata.forEach(params::putMetadata);
          return transferOutcome(
              client
                  .v1()
                  .transfers()
                  .create(params.build(), StripeClients.idempotent(request.idempotencyKey())));
        });
  }

  /**
   * The charge a transfer's funds come from. Oficio knows a capture by its PaymentIntent, but
   * {@code source_transaction} takes a charge: a {@code pi_…} reference is resolved to its latest
   * charge.
   */
  private String sourceCharge(String sourceTransaction) throws StripeException {
    if (sourceTransaction == null || sourceTransaction.isBlank()) {
      return null;
    }
    if (!sourceTransaction.startsWith("pi_")) {
      return sourceTransaction;
    }
    String charge = client.v1().paymentIntents().retrieve(sourceTransaction).getLatestCharge();
    if (charge == null) {
      throw ValidationException.of(
          "sourceTransaction", "PaymentIntent " + sourceTransaction + " has no charge");
    }
    return charge;
  }

  @Override
  public GatewayOutcome reverseTransfer(GatewayCall.ReverseTransfer request) {
    checkAmount("amount", request.amount());
    TransferReversalCreateParams.Builder params =
        TransferReversalCreateParams.builder().setAmount(request.amount().minorUnits());
    StripeMetadata.of(request).forEach(params::putMetadata);
    return call(
        "reverse transfer",
        request,
        () ->
            reversalOutcome(
                client
                    .v1()
                    .transfers()
                    .reversals()
                    .create(
                        request.transferReference(),
                        params.build(),
                        StripeClients.idempotent(request.idempotencyKey()))));
  }

  @Override
  public GatewayOutcome lookup(GatewayCall.Lookup request) {
    return call(
        "lookup " + request.lookedUp(),
        request,
        () ->
            switch (request.lookedUp()) {
              case AUTHORIZE, CHARGE, CAPTURE, VOID -> lookupIntent(request);
              case REFUND -> lookupRefund(request);
              case TRANSFER -> lookupTransfer(request);
              case TRANSFER_REVERSAL -> lookupReversal(request);
            });
  }

  // ---- lookups -------------------------------------------------------------------------------

  private GatewayOutcome lookupIntent(GatewayCall.Lookup request) throws StripeException {
    TransactionKind kind = request.lookedUp();
    if (hasReference(request)) {
      PaymentIntent intent =
          client
              .v1()
              .paymentIntents()
              .retrieve(
                  request.providerReference(),
                  PaymentIntentRetrieveParams.builder().addExpand(LATEST_CHARGE).build());
      return intentOutcome(kind, intent);
    }
    // Without a reference the reply was lost: find the intent by the ids sent as metadata. An
    // authorization or charge is found by its own idempotency key; a capture or void acts on the
    // payment's hold, found by the payment id (the newest one if the payment was re-authorized).
    String query =
        kind == TransactionKind.AUTHORIZE || kind == TransactionKind.CHARGE
            ? StripeMetadata.searchTerm(
                StripeMetadata.IDEMPOTENCY_KEY, request.idempotencyKey().value())
            : StripeMetadata.searchTerm(StripeMetadata.PAYMENT_ID, request.payment().value());
    Optional<PaymentIntent> newest = searchIntents(query).stream().findFirst();
    if (newest.isEmpty()) {
      return notFound("PaymentIntent", request);
    }
    return intentOutcome(kind, newest.get());
  }

  private GatewayOutcome lookupRefund(GatewayCall.Lookup request) throws StripeException {
    if (hasReference(request)) {
      return refundOutcome(client.v1().refunds().retrieve(request.providerReference()));
    }
    String query = StripeMetadata.searchTerm(StripeMetadata.PAYMENT_ID, request.payment().value());
    for (PaymentIntent intent : searchIntents(query)) {
      RefundListParams params =
          RefundListParams.builder().setPaymentIntent(intent.getId()).setLimit(LIST_LIMIT).build();
      for (Refund refund : client.v1().refunds().list(params).getData()) {
        if (sentWith(refund.getMetadata(), request)) {
          return refundOutcome(refund);
        }
      }
    }
    return notFound("Refund", request);
  }

  private GatewayOutcome lookupTransfer(GatewayCall.Lookup request) throws StripeException {
    if (hasReference(request)) {
      return transferOutcome(client.v1().transfers().retrieve(request.providerReference()));
    }
    for (Transfer transfer : transfersOf(request)) {
      if (sentWith(transfer.getMetadata(), request)) {
        return transferOutcome(transfer);
      }
    }
    return notFound("Transfer", request);
  }

  private GatewayOutcome lookupReversal(GatewayCall.Lookup request) throws StripeException {
    // A reversal can only be retrieved through its transfer, which the reference does not name:
    // walk the payment's transfer group and match the reversal id or the idempotency key.
    for (Transfer transfer : transfersOf(request)) {
      TransferReversalListParams params =
          TransferReversalListParams.builder().setLimit(LIST_LIMIT).build();
      for (TransferReversal reversal :
          client.v1().transfers().reversals().list(transfer.getId(), params).getData()) {
        boolean matches =
            hasReference(request)
                ? request.providerReference().equals(reversal.getId())
                : sentWith(reversal.getMetadata(), request);
        if (matches) {
          return reversalOutcome(reversal);
        }
      }
    }
    return notFound("TransferReversal", request);
  }

  private List<PaymentIntent> searchIntents(String query) throws StripeException {
    PaymentIntentSearchParams params =
        PaymentIntentSearchParams.builder()
            .setQuery(query)
            .setLimit(LIST_LIMIT)
            .addExpand("data." + LATEST_CHARGE)
            .build();
    List<PaymentIntent> found =
        new ArrayList<>(client.v1().paymentIntents().search(params).getData());
    found.sort(
        Comparator.comparing(
                (PaymentIntent intent) -> intent.getCreated() == null ? 0L : intent.getCreated())
            .reversed());
    return found;
  }

  private List<Transfer> transfersOf(GatewayCall request) throws StripeException {
    TransferListParams params =
        TransferListParams.builder()
            .setTransferGroup(transferGroup(request))
            .setLimit(LIST_LIMIT)
            .build();
    return client.v1().transfers().list(params).getData();
  }

  private static boolean hasReference(GatewayCall.Lookup request) {
    return request.providerReference() != null && !request.providerReference().isBlank();
  }

  private static boolean sentWith(Map<String, String> metadata, GatewayCall request) {
    return metadata != null
        && request.idempotencyKey().value().equals(metadata.get(StripeMetadata.IDEMPOTENCY_KEY));
  }

  private static GatewayOutcome notFound(String object, GatewayCall.Lookup request) {
    // The call never reached Stripe (or failed before creating anything): nothing moved, and a
    // retry with the same idempotency key is safe. Stripe's search index lags up to a minute, so
    // callers look up only calls older than that (the janitor's threshold).
    return GatewayOutcome.Declined.notFound(
        "no Stripe "
            + object
            + " for "
            + request.lookedUp()
            + " with key "
            + request.idempotencyKey());
  }

  // ---- requests ------------------------------------------------------------------------------

  private PaymentIntentCreateParams.Builder intentParams(
      GatewayCall request,
      CustomerId customer,
      String pro,
      Money amount,
      String paymentMethod,
      String payeeAccount,
      Map<String, String> hostMetadata) {
    PaymentIntentCreateParams.Builder params =
        PaymentIntentCreateParams.builder()
            .setAmount(amount.minorUnits())
            .setCurrency(StripeMoney.currency(amount))
            .setPaymentMethod(paymentMethod)
            // Holds and charges here are card payments confirmed server-side: without this,
            // Stripe's automatic payment methods would demand a return_url for redirect methods.
            .addPaymentMethodType("card")
            .setConfirm(true)
            .setTransferGroup(transferGroup(request))
            // The charge's capture_before is the hold's real expiry.
            .addExpand(LATEST_CHARGE);
    stripeCustomers.apply(customer).ifPresent(params::setCustomer);
    if (payeeAccount != null && !payeeAccount.isBlank()) {
      params.setTransferData(
          PaymentIntentCreateParams.TransferData.builder().setDestination(payeeAccount).build());
    }
    Map<String, String> oficio = StripeMetadata.of(request);
    oficio.put(StripeMetadata.PRO_ID, pro);
    oficio.put(StripeMetadata.CUSTOMER_ID, customer.value());
    StripeMetadata.merge(oficio, hostMetadata).forEach(params::putMetadata);
    return params;
  }

  /** Separate charges and transfers are grouped by the Oficio payment id. */
  private static String transferGroup(GatewayCall request) {
    return request.payment().value();
  }

  private static PaymentIntentCancelParams.CancellationReason cancellationReason(String reason) {
    for (PaymentIntentCancelParams.CancellationReason candidate :
        PaymentIntentCancelParams.CancellationReason.values()) {
      if (candidate.getValue().equals(reason)) {
        return candidate;
      }
    }
    throw ValidationException.of(
        "reason", "must be duplicate, fraudulent, requested_by_customer or abandoned");
  }

  private static void checkAmount(String field, Money amount) {
    checkCurrency(field, amount);
    if (!CAPABILITIES.accepts(amount)) {
      throw ValidationException.of(
          field,
          "must be between "
              + CAPABILITIES.minAmount()
              + " and "
              + CAPABILITIES.maxAmount()
              + " for Stripe");
    }
  }

  private static void checkCurrency(String field, Money amount) {
    if (!amount.currency().equals(CAPABILITIES.currency())) {
      throw ValidationException.of(field, "must be in " + CAPABILITIES.currency());
    }
  }

  // ---- outcomes ------------------------------------------------------------------------------

  /** Maps a PaymentIntent's status to the outcome of the kind of call that produced it. */
  static GatewayOutcome intentOutcome(TransactionKind kind, PaymentIntent intent) {
    String id = intent.getId();
    String status = String.valueOf(intent.getStatus());
    Money amount = StripeMoney.money(intent.getAmount(), intent.getCurrency());
    Money received = StripeMoney.money(intent.getAmountReceived(), intent.getCurrency());
    Money capturable = StripeMoney.money(intent.getAmountCapturable(), intent.getCurrency());
    return switch (kind) {
      case AUTHORIZE ->
          switch (status) {
            case "requires_capture" -> succeeded(id, capturable, captureBefore(intent));
            case "succeeded" -> succeeded(id, received, null);
            case "processing", "requires_action", "requires_confirmation" ->
                new GatewayOutcome.Pending(id);
            case "requires_payment_method" -> declined(intent);
            case "canceled" -> canceled(intent);
            default -> unknownStatus("PaymentIntent", id, status);
          };
      case CHARGE ->
          switch (status) {
            case "succeeded" -> succeeded(id, received, null);
            case "processing", "requires_action", "requires_confirmation" ->
                new GatewayOutcome.Pending(id);
            case "requires_payment_method" -> declined(intent);
            case "canceled" -> canceled(intent);
            default -> unknownStatus("PaymentIntent", id, status);
          };
      case CAPTURE ->
          switch (status) {
            case "succeeded" -> succeeded(id, received, null);
            case "processing" -> new GatewayOutcome.Pending(id);
            // Never applied: the janitor may re-send the capture with the same key.
            case "requires_capture" ->
                GatewayOutcome.Declined.notFound("the hold " + id + " is not captured");
            case "canceled" -> canceled(intent);
            default -> unknownStatus("PaymentIntent", id, status);
          };
      case VOID ->
          switch (status) {
            case "canceled" -> succeeded(id, amount, null);
            case "succeeded" ->
                new GatewayOutcome.Declined("already_captured", "the hold " + id + " was captured");
            case "requires_capture",
                "requires_payment_method",
                "requires_confirmation",
                "requires_action" ->
                GatewayOutcome.Declined.notFound("the hold " + id + " is still open");
            case "processing" -> new GatewayOutcome.Pending(id);
            default -> unknownStatus("PaymentIntent", id, status);
          };
      default -> unknownStatus("PaymentIntent for " + kind, id, status);
    };
  }

  static GatewayOutcome refundOutcome(Refund refund) {
    String id = refund.getId();
    String status = String.valueOf(refund.getStatus());
    return switch (status) {
      case "succeeded" ->
          succeeded(id, StripeMoney.money(refund.getAmount(), refund.getCurrency()), null);
      case "pending", "requires_action" -> new GatewayOutcome.Pending(id);
      case "failed" ->
          new GatewayOutcome.Declined(
              StripeErrors.firstNonBlank(refund.getFailureReason(), "refund_failed"),
              "refund " + id + " failed");
      case "canceled" -> new GatewayOutcome.Declined("canceled", "refund " + id + " was canceled");
      default -> unknownStatus("Refund", id, status);
    };
  }

  /** A transfer has no status: once Stripe returns it, the money is in the pro's account. */
  static GatewayOutcome transferOutcome(Transfer transfer) {
    return succeeded(
        transfer.getId(), StripeMoney.money(transfer.getAmount(), transfer.getCurrency()), null);
  }

  static GatewayOutcome reversalOutcome(TransferReversal reversal) {
    return succeeded(
        reversal.getId(), StripeMoney.money(reversal.getAmount(), reversal.getCurrency()), null);
  }

  private static GatewayOutcome succeeded(String id, Money amount, Instant captureBefore) {
    if (amount == null) {
      return new GatewayOutcome.Unknown("Stripe returned " + id + " without an amount");
    }
    return new GatewayOutcome.Succeeded(id, amount, captureBefore);
  }

  private static GatewayOutcome declined(PaymentIntent intent) {
    StripeError error = intent.getLastPaymentError();
    String code =
        error == null
            ? "requires_payment_method"
            : StripeErrors.firstNonBlank(
                error.getDeclineCode(), error.getCode(), "requires_payment_method");
    String message = error == null || error.getMessage() == null ? "" : error.getMessage();
    return new GatewayOutcome.Declined(code, message);
  }

  private static GatewayOutcome canceled(PaymentIntent intent) {
    return new GatewayOutcome.Declined(
        "canceled",
        "PaymentIntent "
            + intent.getId()
            + " was canceled"
            + (intent.getCancellationReason() == null
                ? ""
                : " (" + intent.getCancellationReason() + ")"));
  }

  private static GatewayOutcome unknownStatus(String object, String id, String status) {
    return new GatewayOutcome.Unknown(object + " " + id + " has unmapped status " + status);
  }

  /** The hold's expiry as the card network reported it on the charge, or null if not reported. */
  static Instant captureBefore(PaymentIntent intent) {
    Charge charge = intent.getLatestChargeObject();
    if (charge == null
        || charge.getPaymentMethodDetails() == null
        || charge.getPaymentMethodDetails().getCard() == null
        || charge.getPaymentMethodDetails().getCard().getCaptureBefore() == null) {
      log.warn(
          "Stripe reported no capture_before for hold {}; schedule its expiry conservatively",
          intent.getId());
      return null;
    }
    return Instant.ofEpochSecond(charge.getPaymentMethodDetails().getCard().getCaptureBefore());
  }

  // ---- the call wrapper ----------------------------------------------------------------------

  private GatewayOutcome call(
      String operation, GatewayCall request, StripeErrors.Call<GatewayOutcome> call) {
    GatewayOutcome outcome;
    try {
      outcome = call.run();
    } catch (StripeException e) {
      try {
        outcome = StripeErrors.outcomeOf(operation, e);
      } catch (OficioException mapped) {
        log.warn(
            "stripe {} for payment {} (key {}) failed: {}",
            operation,
            request.payment(),
            request.idempotencyKey(),
            mapped.getMessage());
        throw mapped;
      }
    } catch (OficioException e) {
      throw e;
    } catch (RuntimeException e) {
      // A garbled or unexpected response: whether money moved is not known; the janitor looks
      // the call up later.
      log.error(
          "stripe {} for payment {} (key {}) returned an unreadable response",
          operation,
          request.payment(),
          request.idempotencyKey(),
          e);
      outcome =
          new GatewayOutcome.Unknown(
              "unreadable Stripe response to "
                  + operation
                  + " ("
                  + e.getClass().getSimpleName()
                  + ")");
    }
    log.info(
        "stripe {} for payment {} (key {}): {}",
        operation,
        request.payment(),
        request.idempotencyKey(),
        outcome.getClass().getSimpleName());
    return outcome;
  }
}
