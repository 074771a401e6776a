package dev.oficio.payments.simulated;

import dev.oficio.payments.GatewayCall;
import dev.oficio.payments.GatewayCapabilities;
import dev.oficio.payments.GatewayOutcome;
import dev.oficio.payments.PaymentGateway;
import dev.oficio.payments.ProviderEventVerifier;
import dev.oficio.payments.TransactionKind;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProviderException;
import dev.oficio.shared.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A deterministic in-memory {@link PaymentGateway}: the simulation-safe fallback used when no
 * provider is configured, and the test bed that proves the core never doubles or loses money.
 *
 * <p>It behaves like a provider: it honours idempotency keys (the same key replays the first
 * answer; the same key with different parameters is an {@code idempotency_error}), keeps its own
 * state of holds, charges, refunds and transfers so that {@link #lookup} tells the truth, refuses
 * what a provider refuses (capturing more than held, an expired or already captured hold, refunding
 * more than charged, reversing more than transferred), and emits signed webhooks.
 *
 * <p>Faults are injected from a seeded {@link Random} at {@code faultRatePpm} parts per million of
 * calls (declines, timeouts before or after applying, transient errors), or forced one at a time
 * with {@link #failNext}. Webhooks are delivered by {@link #drainWebhooks()}, duplicated and
 * reordered at the same rate. Its books ({@link #records()}) say what it actually moved.
 *
 * <p>Thread-safe (every method is synchronized).
 */
public final class SimulatedGateway implements PaymentGateway {
  /** The provider name of the simulated gateway. */
  public static final String PROVIDER = "simulated";

  private static final String SIGNATURE_HEADER = "simulated-signature";

  private final SimulatedProfile profile;
  private final Clock clock;
  private final Random random;
  private final int faultRatePpm;
  private final String webhookSecret;
  private final Deque<SimulatedFault> forced = new ArrayDeque<>();
  private final Map<String, Stored> byKey = new HashMap<>();
  private final Map<String, Hold> holds = new HashMap<>();
  private final Map<String, Charge> charges = new HashMap<>();
  private final Map<String, Transfer> transfers = new HashMap<>();
  private final Map<PaymentId, SimulatedRecords> records = new LinkedHashMap<>();
  private final Map<String, Money> accountBalances = new HashMap<>();
  private final List<SimulatedWebhook> webhooks = new ArrayList<>();
  private long nextReference = 1;
  private long nextEvent = 1;
  private int faultsInjected;

  private record Stored(String fingerprint, GatewayOutcome outcome) {}

  private static final class Hold {
    final PaymentId payment;
    final Money amount;
    final Instant captureBefore;
    final String destination;
    String state = "requires_capture";

    Hold(PaymentId payment, Money amount, Instant captureBefore, String destination) {
      this.payment = payment;
      this.amount = amount;
      this.captureBefore = captureBefore;
      this.destination = destination;
    }
  }

  private static final class Charge {
    final PaymentId payment;
    final Money amount;
    Money refunded;
    Money transferred;

    Charge(PaymentId payment, Money amount) {
      this.payment = payment;
      this.amount = amount;
      this.refunded = Money.zero(amount.currency());
      this.transferred = Money.zero(amount.currency());
    }
  }

  private static final class Transfer {
    final PaymentId payment;
    final String account;
    final Money amount;
    Money reversed;

    Transfer(PaymentId payment, String account, Money amount) {
      this.payment = payment;
      this.account = account;
      this.amount = amount;
      this.reversed = Money.zero(amount.currency());
    }
  }

  private SimulatedGateway(
      SimulatedProfile profile, Clock clock, long seed, int faultRatePpm, String secret) {
    this.profile = profile;
    this.clock = clock;
    this.random = new Random(seed);
    this.faultRatePpm = faultRatePpm;
    this.webhookSecret = secret;
  }

  /** A fault-free gateway with {@code profile}. */
  public static SimulatedGateway of(SimulatedProfile profile, Clock clock) {
    return new SimulatedGateway(profile, clock, 0, 0, "whsec_simulated");
  }

  /**
   * A gateway injecting faults into {@code faultRatePpm} parts per million of calls, chosen by a
   * {@link Random} seeded with {@code seed} (the same seed replays the same faults).
   */
  public static SimulatedGateway withFaults(
      SimulatedProfile profile, Clock clock, long seed, int faultRatePpm) {
    if (faultRatePpm < 0 || faultRatePpm > 1_000_000) {
      throw ValidationException.of("faultRatePpm", "must be between 0 and 1000000");
    }
    return new SimulatedGateway(profile, clock, seed, faultRatePpm, "whsec_simulated");
  }

  /** Forces {@code fault} on the next call that can have it (tests). */
  public synchronized void failNext(SimulatedFault fault) {
    forced.add(fault);
  }

  /** The verifier of this gateway's webhooks, to register with the payment service. */
  public ProviderEventVerifier verifier() {
    return new SimulatedEventVerifier(webhookSecret, clock);
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public GatewayCapabilities capabilities() {
    return profile.capabilities();
  }

  /** The profile. */
  public SimulatedProfile profile() {
    return profile;
  }

  @Override
  public synchronized GatewayOutcome authorize(GatewayCall.Authorize r) {
    return perform(
        r,
        r.amount().toString() + r.paymentMethod(),
        true,
        () -> {
          if (!profile.capabilities().holds()) {
            return new GatewayOutcome.Declined("holds_unsupported", "this provider cannot hold");
          }
          String ref = reference("pi");
          Instant expiry = clock.instant().plus(profile.capabilities().maxHoldDuration());
          holds.put(ref, new Hold(r.payment(), r.amount(), expiry, r.payeeAccount()));
          return new GatewayOutcome.Succeeded(ref, r.amount(), expiry);
        });
  }

  @Override
  public synchronized GatewayOutcome capture(GatewayCall.Capture r) {
    return perform(
        r,
        r.holdReference() + r.amount() + r.platformFee(),
        false,
        () -> {
          Hold hold = holds.get(r.holdReference());
          if (hold == null) {
            return new GatewayOutcome.Declined("resource_missing", "no such hold");
          }
          if (!hold.state.equals("requires_capture")) {
            return new GatewayOutcome.Declined("payment_intent_unexpected_state", hold.state);
          }
          if (clock.instant().isAfter(hold.captureBefore)) {
            hold.state = "canceled";
            return new GatewayOutcome.Declined("hold_expired", "the hold expired");
          }
          if (r.amount().isGreaterThan(hold.amount)) {
            return new GatewayOutcome.Declined("amount_too_large", "above the amount capturable");
          }
          hold.state = "succeeded";
          Charge charge = new Charge(hold.payment, r.amount());
          charges.put(r.holdReference(), charge);
          book(hold.payment, r.amount(), b -> b.took(r.amount()));
          if (hold.destination != null) {
            Money toPro = r.amount().minus(r.platformFee());
            if (toPro.isPositive()) {
              String tr = reference("tr");
              transfers.put(tr, new Transfer(hold.payment, hold.destination, toPro));
              charge.transferred = toPro;
              accountBalances.merge(hold.destination, toPro, Money::plus);
              book(hold.payment, toPro, b -> b.transferredMore(toPro));
            }
          }
          return new GatewayOutcome.Succeeded(r.holdReference(), r.amount(), null);
        });
  }

  @Override
  public synchronized GatewayOutcome voidHold(GatewayCall.VoidHold r) {
    return perform(
        r,
        r.holdReference(),
        false,
        () -> {
          Hold hold = holds.get(r.holdReference());
          if (hold == null) {
            return new GatewayOutcome.Declined("resource_missing", "no such hold");
          }
          if (!hold.state.equals("requires_capture")) {
            return new GatewayOutcome.Declined("payment_intent_unexpected_state", hold.state);
          }
          hold.state = "canceled";
          return new GatewayOutcome.Succeeded(r.holdReference(), hold.amount, null);
        });
  }

  @Override
  public synchronized GatewayOutcome charge(GatewayCall.Charge r) {
    return perform(
        r,
        r.amount().toString() + r.paymentMethod() + r.platformFee(),
        true,
        () -> {
          String ref = reference("ch");
          charges.put(ref, new Charge(r.payment(), r.amount()));
          book(r.payment(), r.amount(), b -> b.took(r.amount()));
          return new GatewayOutcome.Succeeded(ref, r.amount(), null);
        });
  }

  @Override
  public synchronized GatewayOutcome refund(GatewayCall.Refund r) {
    return perform(
        r,
        r.paymentReference() + r.amount(),
        false,
        () -> {
          Charge charge = charges.get(r.paymentReference());
          if (charge == null) {
            return new GatewayOutcome.Declined("resource_missing", "no such charge");
          }
          if (charge.refunded.plus(r.amount()).isGreaterThan(charge.amount)) {
            return new GatewayOutcome.Declined("amount_too_large", "above the amount refundable");
          }
          if (!profile.capabilities().partialRefunds() && !r.amount().equals(charge.amount)) {
            return new GatewayOutcome.Declined("partial_refund_unsupported", "whole amount only");
          }
          charge.refunded = charge.refunded.plus(r.amount());
          book(charge.payment, r.amount(), b -> b.refundedMore(r.amount()));
          return new GatewayOutcome.Succeeded(reference("re"), r.amount(), null);
        });
  }

  @Override
  public synchronized GatewayOutcome transfer(GatewayCall.Transfer r) {
    return perform(
        r,
        r.payeeAccount() + r.amount() + r.sourceTransaction(),
        false,
        () -> {
          if (!profile.capabilities().transfers()) {
            return new GatewayOutcome.Declined("transfers_unsupported", "no payouts");
          }
          Charge source = r.sourceTransaction() == null ? null : charges.get(r.sourceTransaction());
          if (source != null && source.transferred.plus(r.amount()).isGreaterThan(source.amount)) {
            return new GatewayOutcome.Declined("insufficient_funds", "above the source charge");
          }
          if (source != null) {
            source.transferred = source.transferred.plus(r.amount());
          }
          String ref = reference("tr");
          transfers.put(ref, new Transfer(r.payment(), r.payeeAccount(), r.amount()));
          accountBalances.merge(r.payeeAccount(), r.amount(), Money::plus);
          book(r.payment(), r.amount(), b -> b.transferredMore(r.amount()));
          return new GatewayOutcome.Succeeded(ref, r.amount(), null);
        });
  }

  @Override
  public synchronized GatewayOutcome reverseTransfer(GatewayCall.ReverseTransfer r) {
    return perform(
        r,
        r.transferReference() + r.amount(),
        false,
        () -> {
          Transfer transfer = transfers.get(r.transferReference());
          if (transfer == null) {
            return new GatewayOutcome.Declined("resource_missing", "no such transfer");
          }
          if (transfer.reversed.plus(r.amount()).isGreaterThan(transfer.amount)) {
            return new GatewayOutcome.Declined("amount_too_large", "above the amount reversible");
          }
          transfer.reversed = transfer.reversed.plus(r.amount());
          accountBalances.merge(transfer.account, r.amount().negate(), Money::plus);
          book(transfer.payment, r.amount(), b -> b.reversedMore(r.amount()));
          return new GatewayOutcome.Succeeded(reference("trr"), r.amount(), null);
        });
  }

  @Override
  public synchronized GatewayOutcome lookup(GatewayCall.Lookup r) {
    SimulatedFault fault = nextFault(false);
    if (fault == SimulatedFault.TRANSIENT_ERROR) {
      throw new ProviderException(PROVIDER, "api_error", true, null, "simulated outage", null);
    }
    if (fault == SimulatedFault.TIMEOUT_BEFORE_APPLY
        || fault == SimulatedFault.TIMEOUT_AFTER_APPLY) {
      return new GatewayOutcome.Unknown("simulated timeout on look-up");
    }
    Stored stored = byKey.get(r.idempotencyKey().value());
    if (stored == null) {
      return GatewayOutcome.Declined.notFound("no call with key " + r.idempotencyKey());
    }
    return stored.outcome();
  }

  /** What the provider did for {@code payment}; empty books if it never saw it. */
  public synchronized SimulatedRecords records(PaymentId payment) {
    return records.getOrDefault(
        payment, SimulatedRecords.empty(payment, profile.capabilities().currency()));
  }

  /** What the provider did, per payment it saw, in first-seen order. */
  public synchronized List<SimulatedRecords> records() {
    return List.copyOf(records.values());
  }

  /** The balance the provider paid into each connected account (transfers minus reversals). */
  public synchronized Map<String, Money> accountBalances() {
    return Map.copyOf(accountBalances);
  }

  /** How many faults were injected so far. */
  public synchronized int faultsInjected() {
    return faultsInjected;
  }

  /**
   * The webhooks emitted since the last drain. With a fault rate, some are duplicated and the order
   * is shuffled (seeded), as real deliveries are.
   */
  public synchronized List<SimulatedWebhook> drainWebhooks() {
    List<SimulatedWebhook> out = new ArrayList<>(webhooks);
    webhooks.clear();
    if (faultRatePpm > 0) {
      List<SimulatedWebhook> duplicates = new ArrayList<>();
      for (SimulatedWebhook w : out) {
        if (random.nextInt(1_000_000) < faultRatePpm) {
          duplicates.add(w);
        }
      }
      out.addAll(duplicates);
      Collections.shuffle(out, random);
    }
    return out.stream().map(this::signed).toList();
  }

  // --- internals ---

  private GatewayOutcome perform(
      GatewayCall call, String parameters, boolean declinable, Supplier<GatewayOutcome> apply) {
    String key = call.idempotencyKey().value();
    String fingerprint = call.kind() + "|" + call.payment() + "|" + parameters;
    Stored stored = byKey.get(key);
    if (stored != null) {
      if (!stored.fingerprint().equals(fingerprint)) {
        return new GatewayOutcome.Declined(
            "idempotency_error", "key " + key + " was used with different parameters");
      }
      return stored.outcome();
    }
    SimulatedFault fault = nextFault(declinable);
    if (fault == SimulatedFault.TRANSIENT_ERROR) {
      throw new ProviderException(PROVIDER, "api_error", true, null, "simulated outage", null);
    }
    if (fault == SimulatedFault.TIMEOUT_BEFORE_APPLY) {
      return new GatewayOutcome.Unknown("simulated timeout before the provider applied the call");
    }
    GatewayOutcome outcome =
        fault == SimulatedFault.DECLINE
            ? new GatewayOutcome.Declined("card_declined", "simulated decline")
            : apply.get();
    byKey.put(key, new Stored(fingerprint, outcome));
    emit(call, outcome);
    if (fault == SimulatedFault.TIMEOUT_AFTER_APPLY) {
      return new GatewayOutcome.Unknown("simulated timeout after the provider applied the call");
    }
    return outcome;
  }

  private SimulatedFault nextFault(boolean declinable) {
    SimulatedFault fault = null;
    if (!forced.isEmpty()) {
      fault = forced.peek();
      if (fault == SimulatedFault.DECLINE && !declinable) {
        return null;
      }
      forced.poll();
    } else if (faultRatePpm > 0 && random.nextInt(1_000_000) < faultRatePpm) {
      SimulatedFault[] kinds = SimulatedFault.values();
      fault = kinds[random.nextInt(kinds.length)];
      if (fault == SimulatedFault.DECLINE && !declinable) {
        fault = SimulatedFault.TIMEOUT_AFTER_APPLY;
      }
    }
    if (fault != null) {
      faultsInjected++;
    }
    return fault;
  }

  private void book(PaymentId payment, Money amount, UnaryOperator<SimulatedRecords> change) {
    records.put(
        payment,
        change.apply(
            records.getOrDefault(payment, SimulatedRecords.empty(payment, amount.currency()))));
  }

  private String reference(String prefix) {
    return String.format("%s_sim_%06d", prefix, nextReference++);
  }

  private void emit(GatewayCall call, GatewayOutcome outcome) {
    String eventId = String.format("evt_sim_%06d", nextEvent++);
    StringBuilder body = new StringBuilder();
    body.append("id=").append(eventId).append('\n');
    boolean ok = outcome instanceof GatewayOutcome.Succeeded;
    body.append("type=")
        .append(call.kind().name().toLowerCase())
        .append(ok ? ".succeeded" : ".failed")
        .append('\n');
    body.append("payment=").append(call.payment().value()).append('\n');
    body.append("kind=").append(call.kind().name()).append('\n');
    body.append("key=").append(call.idempotencyKey().value()).append('\n');
    if (outcome instanceof GatewayOutcome.Succeeded s) {
      body.append("status=succeeded\n");
      body.append("reference=").append(s.providerReference()).append('\n');
      body.append("amount=").append(s.amount().minorUnits()).append('\n');
      body.append("currency=").append(s.amount().currency().getCurrencyCode()).append('\n');
      if (s.captureBefore() != null) {
        body.append("captureBefore=").append(s.captureBefore()).append('\n');
      }
    } else if (outcome instanceof GatewayOutcome.Declined d) {
      body.append("status=declined\n");
      body.append("code=").append(d.code()).append('\n');
    } else {
      return;
    }
    webhooks.add(new SimulatedWebhook(eventId, body.toString(), Map.of()));
  }

  /** Signs a delivery at the moment it is sent, as providers do. */
  private SimulatedWebhook signed(SimulatedWebhook w) {
    long t = clock.instant().getEpochSecond();
    return new SimulatedWebhook(
        w.eventId(),
        w.body(),
        Map.of(
            SIGNATURE_HEADER,
            "t=" + t + ",v1=" + SimulatedSignature.sign(webhookSecret, t, w.body())));
  }

  static String signatureHeader() {
    return SIGNATURE_HEADER;
  }

  static TransactionKind kindOf(String name) {
    return TransactionKind.valueOf(name);
  }
}
