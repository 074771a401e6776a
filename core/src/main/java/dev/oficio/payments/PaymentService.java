package dev.oficio.payments;

import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.ledger.LedgerJournal;
import dev.oficio.persistence.Inbox;
import dev.oficio.persistence.Outbox;
import dev.oficio.persistence.ScheduledTimer;
import dev.oficio.persistence.TimerHandler;
import dev.oficio.persistence.TimerRequest;
import dev.oficio.persistence.Timers;
import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ProviderException;
import dev.oficio.shared.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a payment's money through the {@link PaymentGateway}, following ARCHITECTURE.md's "record
 * intent, then call, then record result": each operation (1) records a PENDING transaction with its
 * idempotency key in a unit of work, (2) calls the gateway outside any unit of work, (3) records
 * the outcome, the ledger entries and the outbox events in a second unit of work. A crash between
 * the steps leaves an open transaction that the {@link Janitor} settles.
 *
 * <p>Repeating an operation with the same key returns the recorded transaction when it is final,
 * and otherwise re-sends the same call with the same key (the provider replays it), so no money
 * moves twice. Keys are derived from the command: {@code authorize:<payment>}, {@code
 * capture:<payment>}, {@code refund:<payment>:<refundId>}…
 *
 * <p>Every successful money movement writes balanced ledger entries: CAPTURE/CHARGE debit {@code
 * CASH_AT_PROVIDER} and credit {@code CUSTOMER_FUNDS_HELD}; the release moves customer funds held
 * to {@code PLATFORM_REVENUE} and {@code PRO_PAYABLE}; a TRANSFER pays pro payable out of cash; a
 * REFUND returns cash from customer funds held (before the release) or from revenue and pro payable
 * in proportion (after it); a TRANSFER_REVERSAL takes cash back from the pro. Authorizations and
 * voids move no money and write nothing.
 *
 * <p>Thread-safe.
 */
public final class PaymentService {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);

  /** Timer kind of hold expiry; its payload is the payment id. */
  public static final String HOLD_EXPIRY_TIMER = "payments.hold-expiry";

  private final Payments payments;
  private final PayeeAccounts payees;
  private final PaymentGateway gateway;
  private final LedgerJournal ledger;
  private final Outbox outbox;
  private final Timers timers;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final IdGenerator ids;
  private final Duration settleAfter;
  private final Duration holdExpiryMargin;
  private volatile HoldExpiryPolicy holdExpiryPolicy;
  private final Janitor janitor;
  private final ProviderEvents providerEvents;
  private final List<SettlementListener> listeners = new CopyOnWriteArrayList<>();

  private PaymentService(Builder b) {
    this.payments = b.payments;
    this.payees = b.payees;
    this.gateway = b.gateway;
    this.ledger = b.ledger;
    this.outbox = b.outbox;
    this.timers = b.timers;
    this.transactions = b.transactions;
    this.clock = b.clock;
    this.ids = b.ids;
    this.settleAfter = b.settleAfter;
    this.holdExpiryMargin = b.holdExpiryMargin;
    this.holdExpiryPolicy = b.holdExpiryPolicy;
    this.janitor =
        new Janitor(this, b.janitorBaseBackoff, b.janitorMaxAttempts, b.janitorBatchSize);
    this.providerEvents = new ProviderEvents(this, b.inbox, b.verifiers);
  }

  /**
   * A builder over the ports; every one is required except where a default is named.
   *
   * @see dev.oficio.Oficio the facade that wires it
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The gateway this service calls. */
  public PaymentGateway gateway() {
    return gateway;
  }

  /** The janitor settling open transactions. */
  public Janitor janitor() {
    return janitor;
  }

  /** The webhook inbox. */
  public ProviderEvents providerEvents() {
    return providerEvents;
  }

  /** The payments repository (read it inside {@code transactions().inTransaction}). */
  public Payments payments() {
    return payments;
  }

  /**
   * Calls {@code listener} after a transaction reaches a final status, whoever settled it (the
   * service, the janitor or a webhook), outside any unit of work. The jobs context listens to
   * finish acceptances and refunds that were settled late.
   */
  public void addListener(SettlementListener listener) {
    if (listener == null) {
      throw ValidationException.of("listener", "must not be null");
    }
    listeners.add(listener);
  }

  /** Replaces the hold expiry policy (the jobs context installs its own). */
  public void holdExpiryPolicy(HoldExpiryPolicy policy) {
    if (policy == null) {
      throw ValidationException.of("policy", "must not be null");
    }
    this.holdExpiryPolicy = policy;
  }

  /**
   * Opens a payment with a new id. May run inside the caller's unit of work.
   *
   * @param reference what it pays for (e.g. a job id)
   * @param paymentMethod the provider's payment method reference
   */
  public Payment open(
      String reference, CustomerId customer, ProId pro, Currency currency, String paymentMethod) {
    PaymentId id = ids.next("pay", PaymentId::of);
    Payment payment =
        Payment.open(id, reference, customer, pro, currency, paymentMethod, clock.instant());
    return transactions.inTransaction(() -> payments.save(payment));
  }

  /** The payment with this id. */
  public Payment get(PaymentId id) {
    return transactions.inTransaction(() -> load(id));
  }

  /** Places a hold of {@code amount}; key {@code authorize:<payment>}. */
  public PaymentTransaction authorize(PaymentId id, Money amount) {
    IdempotencyKey key = IdempotencyKey.of("authorize", id);
    return run(id, key, p -> begin(p, TransactionKind.AUTHORIZE, key, amount, null, ""));
  }

  /** Charges {@code amount} now; key {@code charge:<payment>}. */
  public PaymentTransaction charge(PaymentId id, Money amount) {
    IdempotencyKey key = IdempotencyKey.of("charge", id);
    return run(id, key, p -> begin(p, TransactionKind.CHARGE, key, amount, null, ""));
  }

  /**
   * Captures {@code amount} of the hold (all of it when partial capture is unsupported); key {@code
   * capture:<payment>}. The money stays in customer funds held until {@link #release}.
   */
  public PaymentTransaction capture(PaymentId id, Money amount) {
    IdempotencyKey key = IdempotencyKey.of("capture", id);
    return run(
        id,
        key,
        p -> {
          if (!gateway.capabilities().partialCapture()
              && p.openHold().map(h -> !h.amount().equals(amount)).orElse(false)) {
            throw ValidationException.of(
                "amount", gateway.provider() + " cannot capture less than the authorized amount");
          }
          return begin(p, TransactionKind.CAPTURE, key, amount, null, "");
        });
  }

  /** Releases the hold; key {@code void:<payment>}. */
  public PaymentTransaction voidHold(PaymentId id, String reason) {
    IdempotencyKey key = IdempotencyKey.of("void", id);
    return run(
        id,
        key,
        p ->
            begin(
                p,
                TransactionKind.VOID,
                key,
                p.openHold()
                    .map(PaymentTransaction::amount)
                    .orElseGet(() -> Money.ofMinor(1, p.currency())),
                null,
                reason == null || reason.isBlank() ? "requested_by_customer" : reason));
  }

  /**
   * Refunds {@code amount}; key {@code refund:<payment>:<refundId>}.
   *
   * @param refundId names this refund command so a repeat is recognised, e.g. {@code 1}
   * @param feeReversal after the release, the part taken back from the platform fee (the rest comes
   *     from the pro); zero before the release
   */
  public PaymentTransaction refund(PaymentId id, String refundId, Money amount, Money feeReversal) {
    if (!gateway.capabilities().refunds()) {
      throw ValidationException.of("refund", gateway.provider() + " does not support refunds");
    }
    IdempotencyKey key = IdempotencyKey.of("refund", id, refundId);
    return run(
        id,
        key,
        p -> {
          if (!gateway.capabilities().partialRefunds()
              && p.transaction(key).isEmpty()
              && !amount.equals(p.taken())) {
            throw ValidationException.of(
                "amount", gateway.provider() + " can only refund the whole amount");
          }
          return begin(p, TransactionKind.REFUND, key, amount, feeReversal, "");
        });
  }

  /**
   * Pays {@code amount} of what the pro is owed to their payee account; key {@code
   * transfer:<payment>:<transferId>}.
   *
   * @throws PayoutsDisabledException while the pro's payouts are disabled
   */
  public PaymentTransaction transfer(PaymentId id, String transferId, Money amount) {
    requireTransfers();
    IdempotencyKey key = IdempotencyKey.of("transfer", id, transferId);
    return run(
        id,
        key,
        p -> {
          payeeOf(p.pro()).requirePayoutsEnabled();
          return begin(p, TransactionKind.TRANSFER, key, amount, null, "");
        });
  }

  /** Takes back {@code amount} of a transfer; key {@code transfer-reversal:<payment>:<id>}. */
  public PaymentTransaction reverseTransfer(PaymentId id, String reversalId, Money amount) {
    requireTransfers();
    IdempotencyKey key = IdempotencyKey.of("transfer-reversal", id, reversalId);
    return run(id, key, p -> begin(p, TransactionKind.TRANSFER_REVERSAL, key, amount, null, ""));
  }

  /**
   * Splits the money taken between the platform ({@code platformFee}) and the pro, now if the money
   * is taken or as soon as the capture succeeds. With {@code payOut} the pro's share is then
   * transferred to their payee account (key {@code transfer:<payment>:payout}) when the gateway
   * supports transfers and their payouts are enabled; otherwise it stays payable in the ledger.
   * Repeating it is a no-op.
   */
  public Payment release(PaymentId id, Money platformFee, boolean payOut) {
    if (platformFee == null) {
      throw ValidationException.of("platformFee", "must not be null");
    }
    return release(id, platformFee, Money.zero(platformFee.currency()), payOut);
  }

  /**
   * Like {@link #release(PaymentId, Money, boolean)}, with {@code taxOnFee} of the platform fee
   * booked to {@code TAX_PAYABLE}; refunds give the tax back in proportion.
   */
  public Payment release(PaymentId id, Money platformFee, Money taxOnFee, boolean payOut) {
    List<IdempotencyKey> followUps = new ArrayList<>();
    Payment result =
        retrying(
            () -> {
              followUps.clear();
              Payment p = load(id);
              if (p.release().isPresent()) {
                return p;
              }
              Payment next = p.requestRelease(platformFee, taxOnFee, payOut);
              next = applyFollowUps(next, followUps, null);
              return payments.save(next);
            });
    followUps.forEach(k -> dispatch(id, k));
    return followUps.isEmpty() ? result : get(id);
  }

  /**
   * Transfers to the pro whatever they are still owed out of this payment (key {@code
   * transfer:<payment>:<transferId>}); returns empty when nothing is owed.
   */
  public Optional<PaymentTransaction> payOut(PaymentId id, String transferId) {
    Payment p = get(id);
    Money left = owedLeft(p);
    if (!left.isPositive()) {
      return Optional.empty();
    }
    return Optional.of(transfer(id, transferId, left));
  }

  /** Re-sends an open transaction with its own key and records the result (used by the janitor). */
  public PaymentTransaction resolve(PaymentId id, IdempotencyKey key) {
    return dispatch(id, key);
  }

  // --- the engine: begin, dispatch, record ---

  private Payment begin(
      Payment p, TransactionKind kind, IdempotencyKey key, Money amount, Money fee, String note) {
    Instant now = clock.instant();
    if (kind == TransactionKind.AUTHORIZE || kind == TransactionKind.CHARGE) {
      if (kind == TransactionKind.AUTHORIZE && !gateway.capabilities().holds()) {
        throw ValidationException.of("authorize", gateway.provider() + " cannot place holds");
      }
      if (!gateway.capabilities().accepts(amount)) {
        throw ValidationException.of(
            "amount",
            amount
                + " is outside "
                + gateway.provider()
                + "'s limits "
                + gateway.capabilities().minAmount()
                + " to "
                + gateway.capabilities().maxAmount());
      }
    }
    return p.begin(kind, key, amount, fee, note, now, now.plus(settleAfter));
  }

  private PaymentTransaction run(PaymentId id, IdempotencyKey key, UnaryOperator<Payment> begin) {
    PaymentTransaction tx =
        retrying(
                () -> {
                  Payment p = load(id);
                  if (p.transaction(key).isPresent()) {
                    return p;
                  }
                  return payments.save(begin.apply(p));
                })
            .transaction(key)
            .orElseThrow();
    if (tx.status().isFinal()) {
      return tx;
    }
    return dispatch(id, key);
  }

  /** Sends the call of an open transaction (outside any unit of work) and records the outcome. */
  PaymentTransaction dispatch(PaymentId id, IdempotencyKey key) {
    Payment p = get(id);
    PaymentTransaction tx =
        p.transaction(key).orElseThrow(() -> new NotFoundException("transaction", key));
    if (tx.status().isFinal()) {
      return tx;
    }
    GatewayOutcome outcome = call(p, tx);
    return record(id, key, outcome);
  }

  /** Looks an open transaction up at the provider (outside any unit of work). */
  GatewayOutcome lookup(Payment p, PaymentTransaction tx) {
    return guarded(
        () ->
            gateway.lookup(
                new GatewayCall.Lookup(
                    tx.idempotencyKey(), p.id(), tx.kind(), tx.providerReference())));
  }

  GatewayOutcome call(Payment p, PaymentTransaction tx) {
    IdempotencyKey key = tx.idempotencyKey();
    return guarded(
        () ->
            switch (tx.kind()) {
              case AUTHORIZE ->
                  gateway.authorize(
                      new GatewayCall.Authorize(
                          key,
                          p.id(),
                          p.customer(),
                          p.pro(),
                          tx.amount(),
                          p.paymentMethod(),
                          null,
                          false,
                          Map.of("reference", p.reference())));
              case CHARGE ->
                  gateway.charge(
                      new GatewayCall.Charge(
                          key,
                          p.id(),
                          p.customer(),
                          p.pro(),
                          tx.amount(),
                          p.paymentMethod(),
                          null,
                          tx.platformFee(),
                          Map.of("reference", p.reference())));
              case CAPTURE ->
                  gateway.capture(
                      new GatewayCall.Capture(
                          key, p.id(), tx.target(), tx.amount(), tx.platformFee()));
              case VOID ->
                  gateway.voidHold(new GatewayCall.VoidHold(key, p.id(), tx.target(), tx.note()));
              case REFUND ->
                  gateway.refund(
                      new GatewayCall.Refund(key, p.id(), tx.target(), tx.amount(), false, false));
              case TRANSFER ->
                  gateway.transfer(
                      new GatewayCall.Transfer(
                          key,
                          p.id(),
                          p.pro(),
                          transactions.inTransaction(() -> payeeOf(p.pro())).providerAccountId(),
                          tx.amount(),
                          tx.target()));
              case TRANSFER_REVERSAL ->
                  gateway.reverseTransfer(
                      new GatewayCall.ReverseTransfer(key, p.id(), tx.target(), tx.amount()));
            });
  }

  /**
   * Maps provider trouble to outcomes: retryable or unexpected failures are UNKNOWN (money may have
   * moved).
   */
  private GatewayOutcome guarded(Supplier<GatewayOutcome> call) {
    try {
      GatewayOutcome outcome = call.get();
      return outcome == null ? new GatewayOutcome.Unknown("gateway returned no outcome") : outcome;
    } catch (ProviderException e) {
      if (e.retryable()) {
        return new GatewayOutcome.Unknown(e.getMessage());
      }
      return new GatewayOutcome.Declined(e.code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("gateway {} failed unexpectedly: {}", gateway.provider(), e.toString());
      return new GatewayOutcome.Unknown(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * Records {@code outcome} for the transaction in one unit of work: its status, the ledger entries
   * of a success, the hold expiry timer, the release and the follow-up transfers or reversals, and
   * the outbox events; then sends the follow-ups. Settling a final transaction again changes
   * nothing.
   */
  PaymentTransaction record(PaymentId id, IdempotencyKey key, GatewayOutcome outcome) {
    List<IdempotencyKey> followUps = new ArrayList<>();
    boolean[] becameFinal = {false};
    Payment saved =
        retrying(
            () -> {
              followUps.clear();
              becameFinal[0] = false;
              Payment before = load(id);
              PaymentTransaction old = before.transaction(key).orElseThrow();
              Instant now = clock.instant();
              Payment after = before.settle(key, outcome, now, now.plus(settleAfter));
              if (after == before) {
                return before;
              }
              PaymentTransaction settled = after.transaction(key).orElseThrow();
              if (settled.status().isFinal() && !old.status().isFinal()) {
                becameFinal[0] = true;
                outbox.append(
                    new PaymentEvent.TransactionSettled(
                        id,
                        after.reference(),
                        settled.kind(),
                        settled.status(),
                        settled.amount(),
                        key,
                        now));
                if (settled.succeeded()) {
                  onSuccess(after, settled, now);
                }
              }
              after = applyFollowUps(after, followUps, settled.succeeded() ? settled : null);
              return payments.save(after);
            });
    followUps.forEach(k -> dispatch(id, k));
    PaymentTransaction result =
        followUps.isEmpty()
            ? saved.transaction(key).orElseThrow()
            : get(id).transaction(key).orElseThrow();
    if (becameFinal[0]) {
      Payment current = get(id);
      for (SettlementListener listener : listeners) {
        try {
          listener.settled(current, result);
        } catch (RuntimeException e) {
          // A listener's failure must not undo a settled money movement; it is logged and the
          // listener's own state is repaired by its next command.
          LOG.error("settlement listener failed for payment {} {}: {}", id, key, e.toString());
        }
      }
    }
    return result;
  }

  private void onSuccess(Payment p, PaymentTransaction t, Instant now) {
    Account cash = Account.of(AccountType.CASH_AT_PROVIDER);
    Account held = Account.of(AccountType.CUSTOMER_FUNDS_HELD);
    Account revenue = Account.of(AccountType.PLATFORM_REVENUE);
    Account payable = Account.proPayable(p.pro());
    String key = t.idempotencyKey().value();
    switch (t.kind()) {
      case AUTHORIZE -> {
        if (t.captureBefore() != null) {
          Instant due = t.captureBefore().minus(holdExpiryMargin);
          timers.schedule(
              new TimerRequest(
                  "hold-expiry:" + p.id(),
                  HOLD_EXPIRY_TIMER,
                  due.isBefore(now) ? now : due,
                  p.id().value()));
        }
      }
      case VOID -> cancelHoldExpiry(p);
      case CAPTURE, CHARGE -> {
        cancelHoldExpiry(p);
        ledger.record(
            JournalEntry.builder(key, now, t.kind().name().toLowerCase() + " " + p.reference())
                .debit(cash, t.amount())
                .credit(held, t.amount())
                .build());
      }
      case REFUND -> {
        JournalEntry.Builder entry =
            JournalEntry.builder(key, now, "refund " + p.reference()).credit(cash, t.amount());
        if (t.afterRelease()) {
          Payment.Release r = p.release().orElseThrow();
          Money feeBefore = Money.zero(p.currency());
          for (PaymentTransaction other : p.transactions()) {
            if (other.kind() == TransactionKind.REFUND
                && other.afterRelease()
                && other.succeeded()
                && !other.idempotencyKey().equals(t.idempotencyKey())) {
              feeBefore = feeBefore.plus(other.platformFee());
            }
          }
          Money tax = r.taxShareOf(feeBefore.plus(t.platformFee())).minus(r.taxShareOf(feeBefore));
          entry
              .debit(revenue, t.platformFee().minus(tax))
              .debit(Account.of(AccountType.TAX_PAYABLE), tax)
              .debit(payable, t.amount().minus(t.platformFee()));
        } else {
          entry.debit(held, t.amount());
        }
        ledger.record(entry.build());
      }
      case TRANSFER ->
          ledger.record(
              JournalEntry.builder(key, now, "payout " + p.reference())
                  .debit(payable, t.amount())
                  .credit(cash, t.amount())
                  .build());
      case TRANSFER_REVERSAL ->
          ledger.record(
              JournalEntry.builder(key, now, "payout reversal " + p.reference())
                  .debit(cash, t.amount())
                  .credit(payable, t.amount())
                  .build());
    }
  }

  /**
   * Cancels the hold's expiry timer unless it is the one running now (claimed): that one completes
   * itself.
   */
  private void cancelHoldExpiry(Payment p) {
    String key = "hold-expiry:" + p.id();
    if (timers.find(key).map(t -> t.status() == ScheduledTimer.Status.PENDING).orElse(false)) {
      timers.cancel(key);
    }
  }

  /**
   * Records a due release, then begins the follow-up transactions it implies: the pro's payout, or
   * a reversal of what was transferred beyond what the pro is still owed after a refund.
   */
  private Payment applyFollowUps(
      Payment p, List<IdempotencyKey> followUps, PaymentTransaction trigger) {
    Instant now = clock.instant();
    Payment next = p;
    boolean justReleased = false;
    if (next.releaseDue()
        && next.openTransactions().stream().noneMatch(t -> t.kind() == TransactionKind.REFUND)) {
      Money amount = next.releasable();
      next = next.markReleaseRecorded();
      Payment.Release r = next.release().orElseThrow();
      if (amount.isPositive()) {
        ledger.record(
            JournalEntry.builder("release:" + next.id(), now, "release " + next.reference())
                .debit(Account.of(AccountType.CUSTOMER_FUNDS_HELD), amount)
                .credit(
                    Account.of(AccountType.PLATFORM_REVENUE), r.platformFee().minus(r.taxOnFee()))
                .credit(Account.of(AccountType.TAX_PAYABLE), r.taxOnFee())
                .credit(Account.proPayable(next.pro()), r.proShare())
                .build());
      }
      justReleased = true;
    }
    Optional<Payment.Release> release = next.release().filter(Payment.Release::recorded);
    if (release.isEmpty()) {
      return next;
    }
    if (justReleased && release.get().payOut() && gateway.capabilities().transfers()) {
      Money owed = owedLeft(next);
      if (owed.isPositive()) {
        Optional<PayeeAccount> payee = payees.find(next.pro());
        if (payee.isPresent() && payee.get().payoutsEnabled()) {
          IdempotencyKey key = IdempotencyKey.of("transfer", next.id(), "payout");
          if (next.transaction(key).isEmpty()) {
            next =
                next.begin(
                    TransactionKind.TRANSFER, key, owed, null, "", now, now.plus(settleAfter));
            followUps.add(key);
          }
        } else {
          outbox.append(
              new PaymentEvent.PayoutHeld(
                  next.id(),
                  owed,
                  payee.isEmpty() ? "the pro has no payee account" : "payouts are disabled",
                  now));
        }
      }
    }
    if (trigger != null
        && (trigger.kind() == TransactionKind.REFUND || trigger.kind() == TransactionKind.TRANSFER)
        && gateway.capabilities().transfers()) {
      Money reversing =
          next.transactions().stream()
              .filter(t -> t.kind() == TransactionKind.TRANSFER_REVERSAL && t.isOpen())
              .map(PaymentTransaction::amount)
              .reduce(Money.zero(next.currency()), Money::plus);
      Money excess = next.transferredNet().minus(reversing).minus(next.proOwed());
      if (excess.isPositive()) {
        IdempotencyKey key =
            IdempotencyKey.of(
                "transfer-reversal", next.id(), "after", trigger.idempotencyKey().value());
        if (next.transaction(key).isEmpty()) {
          next =
              next.begin(
                  TransactionKind.TRANSFER_REVERSAL,
                  key,
                  excess,
                  null,
                  "",
                  now,
                  now.plus(settleAfter));
          followUps.add(key);
        }
      }
    }
    return next;
  }

  private static Money owedLeft(Payment p) {
    Money transferring =
        p.transactions().stream()
            .filter(t -> t.kind() == TransactionKind.TRANSFER && t.mayHaveMoved())
            .map(PaymentTransaction::amount)
            .reduce(Money.zero(p.currency()), Money::plus);
    Money reversed =
        p.transactions().stream()
            .filter(t -> t.kind() == TransactionKind.TRANSFER_REVERSAL && t.succeeded())
            .map(PaymentTransaction::amount)
            .reduce(Money.zero(p.currency()), Money::plus);
    return p.proOwed().minus(transferring).plus(reversed);
  }

  /** Records a janitor look-up that left the transaction open. */
  void recordCheck(
      PaymentId id, IdempotencyKey key, Instant nextCheckAt, int maxAttempts, String reason) {
    retrying(
        () -> {
          Payment p = load(id);
          PaymentTransaction t = p.transaction(key).orElseThrow();
          if (t.status().isFinal()) {
            return p;
          }
          boolean escalate = !t.escalated() && t.attempts() + 1 >= maxAttempts;
          if (escalate) {
            outbox.append(
                new PaymentEvent.NeedsOperator(
                    id, t.kind(), key, t.attempts() + 1, reason, clock.instant()));
            LOG.error(
                "payment {} transaction {} still open after {} look-ups: {}",
                id,
                key,
                t.attempts() + 1,
                reason);
          }
          return payments.save(p.recordCheck(key, nextCheckAt, escalate));
        });
  }

  /**
   * The handler of {@link #HOLD_EXPIRY_TIMER} timers; register it with {@link
   * dev.oficio.persistence.TimerRunner.Builder#handlerOutsideTransaction} (it calls the gateway).
   */
  public TimerHandler holdExpiryHandler() {
    return timer -> expireHold(PaymentId.of(timer.payload()));
  }

  /** Runs the hold expiry of one payment: capture or void by policy if its hold is still open. */
  void expireHold(PaymentId id) {
    Payment p = get(id);
    Optional<PaymentTransaction> hold = p.openHold();
    if (hold.isEmpty()) {
      return;
    }
    HoldExpiryPolicy.Decision decision = holdExpiryPolicy.decide(p);
    LOG.info("hold of payment {} expires at {}: {}", id, hold.get().captureBefore(), decision);
    if (decision == HoldExpiryPolicy.Decision.CAPTURE) {
      capture(id, hold.get().amount());
    } else {
      voidHold(id, "abandoned");
    }
  }

  Clock clock() {
    return clock;
  }

  TransactionRunner transactions() {
    return transactions;
  }

  PayeeAccounts payees() {
    return payees;
  }

  Outbox outbox() {
    return outbox;
  }

  private PayeeAccount payeeOf(ProId pro) {
    return payees
        .find(pro)
        .orElseThrow(
            () ->
                new PayoutsDisabledException(
                    pro, OnboardingStatus.PENDING, List.of("payee_account")));
  }

  private void requireTransfers() {
    if (!gateway.capabilities().transfers()) {
      throw ValidationException.of("transfer", gateway.provider() + " cannot pay pros");
    }
  }

  private Payment load(PaymentId id) {
    if (id == null) {
      throw ValidationException.of("payment", "must not be null");
    }
    return payments.find(id).orElseThrow(() -> new NotFoundException("Payment", id));
  }

  /**
   * Runs {@code work} in a unit of work, retrying a few times on an optimistic-locking conflict.
   */
  private Payment retrying(Supplier<Payment> work) {
    ConcurrencyException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        return transactions.inTransaction(work);
      } catch (ConcurrencyException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Settings and ports of a {@link PaymentService}. Not thread-safe. */
  public static final class Builder {
    private Payments payments = new InMemoryPayments();
    private PayeeAccounts payees = new InMemoryPayeeAccounts();
    private PaymentGateway gateway;
    private LedgerJournal ledger;
    private Outbox outbox;
    private Inbox inbox;
    private Timers timers;
    private TransactionRunner transactions;
    private Clock clock;
    private IdGenerator ids;
    private Duration settleAfter = Duration.ofMinutes(5);
    private Duration holdExpiryMargin = Duration.ofDays(1);
    private HoldExpiryPolicy holdExpiryPolicy = HoldExpiryPolicy.voidHolds();
    private Duration janitorBaseBackoff = Duration.ofMinutes(1);
    private int janitorMaxAttempts = 8;
    private int janitorBatchSize = 100;
    private final Map<String, ProviderEventVerifier> verifiers = new HashMap<>();

    private Builder() {}

    /** The payments repository (default: in-memory). */
    public Builder payments(Payments payments) {
      this.payments = ValidationException.requireNonNull("payments", payments);
      return this;
    }

    /** The payee accounts repository (default: in-memory). */
    public Builder payees(PayeeAccounts payees) {
      this.payees = ValidationException.requireNonNull("payees", payees);
      return this;
    }

    /** The gateway (required). */
    public Builder gateway(PaymentGateway gateway) {
      this.gateway = ValidationException.requireNonNull("gateway", gateway);
      return this;
    }

    /** The ledger (required). */
    public Builder ledger(LedgerJournal ledger) {
      this.ledger = ValidationException.requireNonNull("ledger", ledger);
      return this;
    }

    /** The outbox (required). */
    public Builder outbox(Outbox outbox) {
      this.outbox = ValidationException.requireNonNull("outbox", outbox);
      return this;
    }

    /** The webhook inbox (required). */
    public Builder inbox(Inbox inbox) {
      this.inbox = ValidationException.requireNonNull("inbox", inbox);
      return this;
    }

    /** The timer store, for hold expiry (required). */
    public Builder timers(Timers timers) {
      this.timers = ValidationException.requireNonNull("timers", timers);
      return this;
    }

    /** The unit-of-work runner (required). */
    public Builder transactions(TransactionRunner transactions) {
      this.transactions = ValidationException.requireNonNull("transactions", transactions);
      return this;
    }

    /** The clock (required). */
    public Builder clock(Clock clock) {
      this.clock = ValidationException.requireNonNull("clock", clock);
      return this;
    }

    /** The id generator (required). */
    public Builder ids(IdGenerator ids) {
      this.ids = ValidationException.requireNonNull("ids", ids);
      return this;
    }

    /** How old an open transaction must be before the janitor looks it up (default 5 minutes). */
    public Builder settleAfter(Duration settleAfter) {
      this.settleAfter = positive("settleAfter", settleAfter);
      return this;
    }

    /** How long before a hold's {@code captureBefore} the expiry timer fires (default 1 day). */
    public Builder holdExpiryMargin(Duration margin) {
      this.holdExpiryMargin = positive("holdExpiryMargin", margin);
      return this;
    }

    /** What to do with expiring holds (default: void them). */
    public Builder holdExpiryPolicy(HoldExpiryPolicy policy) {
      this.holdExpiryPolicy = ValidationException.requireNonNull("holdExpiryPolicy", policy);
      return this;
    }

    /**
     * The janitor's backoff: the first retry waits {@code baseBackoff}, each later one twice as
     * long (capped at one day); after {@code maxAttempts} look-ups an operator is alerted.
     */
    public Builder janitor(Duration baseBackoff, int maxAttempts, int batchSize) {
      this.janitorBaseBackoff = positive("baseBackoff", baseBackoff);
      if (maxAttempts < 1 || batchSize < 1) {
        throw ValidationException.of("maxAttempts", "maxAttempts and batchSize must be at least 1");
      }
      this.janitorMaxAttempts = maxAttempts;
      this.janitorBatchSize = batchSize;
      return this;
    }

    /** Verifies and parses webhooks of {@code verifier.provider()}. */
    public Builder verifier(ProviderEventVerifier verifier) {
      ValidationException.requireNonNull("verifier", verifier);
      verifiers.put(verifier.provider(), verifier);
      return this;
    }

    /** The service. */
    public PaymentService build() {
      ValidationException.requireNonNull("gateway", gateway);
      ValidationException.requireNonNull("ledger", ledger);
      ValidationException.requireNonNull("outbox", outbox);
      ValidationException.requireNonNull("inbox", inbox);
      ValidationException.requireNonNull("timers", timers);
      ValidationException.requireNonNull("transactions", transactions);
      ValidationException.requireNonNull("clock", clock);
      ValidationException.requireNonNull("ids", ids);
      return new PaymentService(this);
    }

    private static Duration positive(String field, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw ValidationException.of(field, "must be positive");
      }
      return d;
    }
  }
}
