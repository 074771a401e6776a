package dev.oficio.payments;

import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.IllegalTransitionException;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The money movements of one job (or deposit): an aggregate of {@link PaymentTransaction}s.
 *
 * <p>Invariants, checked whenever a transaction is begun, counting transactions still in flight as
 * if they succeeded so that no race can cross a limit: captured ≤ authorized (one capture per
 * hold); refunded ≤ captured + charged; transfers to the pro ≤ what the pro is owed after the
 * release minus refunds; reversals ≤ what was transferred; nothing after a terminal status ({@link
 * PaymentStatus#isTerminal()}).
 *
 * <p>Immutable: every transition returns a new {@code Payment}. {@link #version()} is the version
 * it was read at; {@link Payments#save} checks it (optimistic locking). Thread-safe.
 */
public final class Payment {
  private final PaymentId id;
  private final String reference;
  private final CustomerId customer;
  private final ProId pro;
  private final Currency currency;
  private final String paymentMethod;
  private final Instant createdAt;
  private final long version;
  private final List<PaymentTransaction> transactions;
  private final Release release;

  /**
   * The split of the money taken between the platform and the pro, recorded in the ledger once the
   * money is taken ("released" from customer funds held).
   *
   * @param platformFee the platform's share of the released amount, tax included
   * @param taxOnFee the part of {@code platformFee} that is tax owed on the fee (Puerto Rico IVU),
   *     booked to {@code TAX_PAYABLE} rather than revenue; zero or more, not above {@code
   *     platformFee}
   * @param payOut whether to pay the pro's share by a provider transfer (otherwise it stays a
   *     pro-payable balance for a later payout)
   * @param proShare the pro's share, set when recorded (zero before)
   * @param recorded whether the ledger entry was written
   */
  public record Release(
      Money platformFee, Money taxOnFee, boolean payOut, Money proShare, boolean recorded) {
    /** Checks the fields. */
    public Release {
      if (platformFee == null || platformFee.isNegative()) {
        throw ValidationException.of("platformFee", "must be zero or positive");
      }
      if (taxOnFee == null || taxOnFee.isNegative() || taxOnFee.isGreaterThan(platformFee)) {
        throw ValidationException.of("taxOnFee", "must be between zero and the platform fee");
      }
      if (proShare == null || proShare.isNegative()) {
        throw ValidationException.of("proShare", "must be zero or positive");
      }
    }

    /**
     * The tax part of the first {@code feeReversed} of the platform fee given back by refunds:
     * {@code floor(taxOnFee × feeReversed / platformFee)}. Taking differences of it for successive
     * refunds splits every refund's fee part exactly, and gives back all the tax once all the fee
     * is given back.
     */
    public Money taxShareOf(Money feeReversed) {
      if (platformFee.isZero()) {
        return Money.zero(platformFee.currency());
      }
      long share =
          BigInteger.valueOf(taxOnFee.minorUnits())
              .multiply(BigInteger.valueOf(feeReversed.minorUnits()))
              .divide(BigInteger.valueOf(platformFee.minorUnits()))
              .longValueExact();
      return Money.ofMinor(share, platformFee.currency());
    }
  }

  /** Rebuilds a payment exactly as stored; for repositories. */
  public static Payment restore(
      PaymentId id,
      String reference,
      CustomerId customer,
      ProId pro,
      Currency currency,
      String paymentMethod,
      Instant createdAt,
      long version,
      List<PaymentTransaction> transactions,
      Release release) {
    return new Payment(
        id,
        reference,
        customer,
        pro,
        currency,
        paymentMethod,
        createdAt,
        version,
        transactions,
        release);
  }

  private Payment(
      PaymentId id,
      String reference,
      CustomerId customer,
      ProId pro,
      Currency currency,
      String paymentMethod,
      Instant createdAt,
      long version,
      List<PaymentTransaction> transactions,
      Release release) {
    if (id == null || customer == null || pro == null || currency == null || createdAt == null) {
      throw ValidationException.of(
          "payment", "id, customer, pro, currency and createdAt are required");
    }
    if (reference == null || reference.isBlank()) {
      throw ValidationException.of("reference", "must not be blank");
    }
    if (paymentMethod == null || paymentMethod.isBlank()) {
      throw ValidationException.of("paymentMethod", "must not be blank");
    }
    if (version < 0) {
      throw ValidationException.of("version", "must not be negative");
    }
    this.id = id;
    this.reference = reference;
    this.customer = customer;
    this.pro = pro;
    this.currency = currency;
    this.paymentMethod = paymentMethod;
    this.createdAt = createdAt;
    this.version = version;
    this.transactions = List.copyOf(transactions == null ? List.of() : transactions);
    this.release = release;
  }

  /**
   * A new payment with no transactions, version 0.
   *
   * @param reference what it pays for, e.g. the job id
   * @param paymentMethod the provider's payment method reference
   */
  public static Payment open(
      PaymentId id,
      String reference,
      CustomerId customer,
      ProId pro,
      Currency currency,
      String paymentMethod,
      Instant now) {
    return new Payment(
        id, reference, customer, pro, currency, paymentMethod, now, 0, List.of(), null);
  }

  /** The id. */
  public PaymentId id() {
    return id;
  }

  /** What the payment is for (a job id, a deposit id). */
  public String reference() {
    return reference;
  }

  /** Who pays. */
  public CustomerId customer() {
    return customer;
  }

  /** Who the money is for. */
  public ProId pro() {
    return pro;
  }

  /** The one currency of every amount. */
  public Currency currency() {
    return currency;
  }

  /** The provider's payment method reference. */
  public String paymentMethod() {
    return paymentMethod;
  }

  /** When it was opened. */
  public Instant createdAt() {
    return createdAt;
  }

  /** The version it was read at (0 for a payment never saved). */
  public long version() {
    return version;
  }

  /** Every transaction in the order begun. */
  public List<PaymentTransaction> transactions() {
    return transactions;
  }

  /** The release of the money to platform and pro, if one was asked for. */
  public Optional<Release> release() {
    return Optional.ofNullable(release);
  }

  /** The transaction begun with {@code key}, if any. */
  public Optional<PaymentTransaction> transaction(IdempotencyKey key) {
    return transactions.stream().filter(t -> t.idempotencyKey().equals(key)).findFirst();
  }

  /** The transactions whose provider answer is still open. */
  public List<PaymentTransaction> openTransactions() {
    return transactions.stream().filter(PaymentTransaction::isOpen).toList();
  }

  /** The payment's status, derived from its transactions. */
  public PaymentStatus status() {
    Optional<PaymentTransaction> securing =
        transactions.stream()
            .filter(
                t -> t.kind() == TransactionKind.AUTHORIZE || t.kind() == TransactionKind.CHARGE)
            .findFirst();
    if (securing.isEmpty()) {
      return PaymentStatus.NEW;
    }
    PaymentTransaction first = securing.get();
    if (first.status() == TransactionStatus.DECLINED) {
      return PaymentStatus.FAILED;
    }
    if (first.isOpen()) {
      return PaymentStatus.PROCESSING;
    }
    if (first.kind() == TransactionKind.AUTHORIZE) {
      if (any(t -> t.kind() == TransactionKind.VOID && t.succeeded())) {
        return PaymentStatus.VOIDED;
      }
      if (!any(t -> t.kind() == TransactionKind.CAPTURE && t.succeeded())) {
        return PaymentStatus.AUTHORIZED;
      }
    }
    Money taken = taken();
    return refunded().equals(taken) ? PaymentStatus.REFUNDED : PaymentStatus.PAID;
  }

  /** The amount held by a successful authorization (zero if none). */
  public Money authorized() {
    return sum(t -> t.kind() == TransactionKind.AUTHORIZE && t.succeeded());
  }

  /** Money taken from the customer: successful captures and charges. */
  public Money taken() {
    return sum(
        t ->
            (t.kind() == TransactionKind.CAPTURE || t.kind() == TransactionKind.CHARGE)
                && t.succeeded());
  }

  /** Money returned to the customer: successful refunds. */
  public Money refunded() {
    return sum(t -> t.kind() == TransactionKind.REFUND && t.succeeded());
  }

  /** Money paid to the pro's account: successful transfers minus successful reversals. */
  public Money transferredNet() {
    return sum(t -> t.kind() == TransactionKind.TRANSFER && t.succeeded())
        .minus(sum(t -> t.kind() == TransactionKind.TRANSFER_REVERSAL && t.succeeded()));
  }

  /**
   * What the pro is owed out of this payment: their share at release minus the pro part of every
   * later refund that succeeded or may still succeed. Zero before the release is recorded.
   */
  public Money proOwed() {
    if (release == null || !release.recorded()) {
      return Money.zero(currency);
    }
    Money refundedFromPro = Money.zero(currency);
    for (PaymentTransaction t : transactions) {
      if (t.kind() == TransactionKind.REFUND && t.afterRelease() && t.mayHaveMoved()) {
        refundedFromPro = refundedFromPro.plus(t.amount().minus(t.platformFee()));
      }
    }
    return release.proShare().minus(refundedFromPro).max(Money.zero(currency));
  }

  /** The open hold's reference, if a hold succeeded and was neither captured nor voided. */
  public Optional<PaymentTransaction> openHold() {
    if (status() != PaymentStatus.AUTHORIZED
        || any(
            t ->
                (t.kind() == TransactionKind.CAPTURE || t.kind() == TransactionKind.VOID)
                    && t.mayHaveMoved())) {
      return Optional.empty();
    }
    return transactions.stream()
        .filter(t -> t.kind() == TransactionKind.AUTHORIZE && t.succeeded())
        .findFirst();
  }

  /**
   * Begins a transaction: checks every invariant and appends it as PENDING.
   *
   * @param kind what it does
   * @param key the idempotency key; must not be used yet in this payment
   * @param amount positive, in the payment's currency
   * @param platformFee see {@link PaymentTransaction#platformFee()}
   * @param note a short reason or empty
   * @param now the current instant
   * @param firstCheckAt when the janitor may first look at it if it stays open
   * @throws IllegalTransitionException when the payment's state does not allow it
   * @throws ValidationException when an amount breaks a limit
   */
  public Payment begin(
      TransactionKind kind,
      IdempotencyKey key,
      Money amount,
      Money platformFee,
      String note,
      Instant now,
      Instant firstCheckAt) {
    if (kind == null || key == null) {
      throw ValidationException.of("kind", "kind and key are required");
    }
    if (amount == null || !amount.isPositive() || !amount.currency().equals(currency)) {
      throw ValidationException.of("amount", "must be positive and in " + currency);
    }
    Money fee = platformFee == null ? Money.zero(currency) : platformFee;
    if (fee.isNegative() || fee.isGreaterThan(amount) || !fee.currency().equals(currency)) {
      throw ValidationException.of("platformFee", "must be between zero and the amount");
    }
    if (transaction(key).isPresent()) {
      throw ValidationException.of("idempotencyKey", key + " was already used in payment " + id);
    }
    PaymentStatus status = status();
    if (status.isTerminal()) {
      throw refuse(status, kind);
    }
    String target = null;
    boolean afterRelease = false;
    switch (kind) {
      case AUTHORIZE, CHARGE -> {
        if (!transactions.isEmpty()) {
          throw refuse(status, kind);
        }
      }
      case CAPTURE -> {
        PaymentTransaction hold = openHold().orElseThrow(() -> refuse(status, kind));
        if (amount.isGreaterThan(hold.amount())) {
          throw ValidationException.of(
              "amount", "capture " + amount + " exceeds the authorized " + hold.amount());
        }
        target = hold.providerReference();
      }
      case VOID -> target = openHold().orElseThrow(() -> refuse(status, kind)).providerReference();
      case REFUND -> {
        if (status != PaymentStatus.PAID) {
          throw refuse(status, kind);
        }
        if (release != null && !release.recorded()) {
          throw refuse(status, kind + " while a release is waiting for the capture");
        }
        Money refundable =
            taken().minus(sum(t -> t.kind() == TransactionKind.REFUND && t.mayHaveMoved()));
        if (amount.isGreaterThan(refundable)) {
          throw ValidationException.of(
              "amount", "refund " + amount + " exceeds the refundable " + refundable);
        }
        afterRelease = release != null;
        if (afterRelease) {
          Money feeLeft =
              release
                  .platformFee()
                  .minus(
                      sumFee(
                          t ->
                              t.kind() == TransactionKind.REFUND
                                  && t.afterRelease()
                                  && t.mayHaveMoved()));
          if (fee.isGreaterThan(feeLeft)) {
            throw ValidationException.of(
                "platformFee", "fee reversal " + fee + " exceeds the fee left " + feeLeft);
          }
          if (amount.minus(fee).isGreaterThan(proOwedBeforeTransfers())) {
            throw ValidationException.of(
                "amount", "the pro part of the refund exceeds the pro's share left");
          }
        } else if (fee.isPositive()) {
          throw ValidationException.of("platformFee", "no fee to reverse before the release");
        }
        target = moneySource().providerReference();
      }
      case TRANSFER -> {
        if (release == null || !release.recorded()) {
          throw refuse(status, kind + " before the release");
        }
        Money owedLeft =
            proOwed()
                .minus(sum(t -> t.kind() == TransactionKind.TRANSFER && t.mayHaveMoved()))
                .plus(sum(t -> t.kind() == TransactionKind.TRANSFER_REVERSAL && t.succeeded()));
        if (amount.isGreaterThan(owedLeft)) {
          throw ValidationException.of(
              "amount",
              "transfer "
                  + amount
                  + " exceeds what the pro is owed "
                  + owedLeft.max(Money.zero(currency)));
        }
        target = moneySource().providerReference();
      }
      case TRANSFER_REVERSAL -> {
        PaymentTransaction transfer =
            transactions.stream()
                .filter(t -> t.kind() == TransactionKind.TRANSFER && t.succeeded())
                .filter(t -> reversibleLeft(t).compareTo(amount) >= 0)
                .findFirst()
                .orElseThrow(
                    () ->
                        ValidationException.of(
                            "amount",
                            "no transfer of this payment has " + amount + " left to reverse"));
        target = transfer.providerReference();
      }
    }
    List<PaymentTransaction> next = new ArrayList<>(transactions);
    next.add(
        new PaymentTransaction(
            kind,
            TransactionStatus.PENDING,
            amount,
            fee,
            key,
            target,
            note,
            afterRelease,
            null,
            null,
            null,
            now,
            now,
            0,
            firstCheckAt,
            false));
    return with(next, release);
  }

  private Money proOwedBeforeTransfers() {
    return proOwed();
  }

  private Money reversibleLeft(PaymentTransaction transfer) {
    Money reversed =
        sum(
            t ->
                t.kind() == TransactionKind.TRANSFER_REVERSAL
                    && t.mayHaveMoved()
                    && transfer.providerReference().equals(t.target()));
    return transfer.amount().minus(reversed);
  }

  /** The successful capture or charge that holds the customer's money. */
  PaymentTransaction moneySource() {
    return transactions.stream()
        .filter(
            t ->
                (t.kind() == TransactionKind.CAPTURE || t.kind() == TransactionKind.CHARGE)
                    && t.succeeded())
        .findFirst()
        .orElseThrow(() -> refuse(status(), TransactionKind.REFUND));
  }

  /**
   * Settles the transaction begun with {@code key} with the provider's {@code outcome}. A final
   * transaction never changes again: a later or contradicting outcome (an out-of-order webhook) is
   * ignored, so a payment never moves backwards.
   *
   * @param nextCheckAt when the janitor may look at it next if it stays open
   * @return the updated payment (this one if nothing changed)
   */
  public Payment settle(
      IdempotencyKey key, GatewayOutcome outcome, Instant now, Instant nextCheckAt) {
    PaymentTransaction t =
        transaction(key)
            .orElseThrow(
                () ->
                    ValidationException.of(
                        "idempotencyKey", "no transaction " + key + " in " + id));
    if (t.status().isFinal()) {
      return this;
    }
    PaymentTransaction settled;
    if (outcome instanceof GatewayOutcome.Succeeded s) {
      settled =
          s.amount().equals(t.amount())
              ? t.withStatus(
                  TransactionStatus.SUCCEEDED,
                  s.providerReference(),
                  null,
                  s.captureBefore(),
                  now,
                  now)
              // The provider moved a different amount than asked: never guess; keep it open so the
              // janitor escalates it to an operator.
              : t.withStatus(
                  TransactionStatus.UNKNOWN, s.providerReference(), null, null, now, nextCheckAt);
    } else if (outcome instanceof GatewayOutcome.Declined d) {
      settled = t.withStatus(TransactionStatus.DECLINED, null, d.code(), null, now, now);
    } else if (outcome instanceof GatewayOutcome.Pending p) {
      settled =
          t.withStatus(
              TransactionStatus.PENDING, p.providerReference(), null, null, now, nextCheckAt);
    } else if (outcome instanceof GatewayOutcome.Unknown) {
      settled = t.withStatus(TransactionStatus.UNKNOWN, null, null, null, now, nextCheckAt);
    } else {
      throw ValidationException.of("outcome", "must not be null");
    }
    return replace(t, settled);
  }

  /**
   * Asks for the money taken to be split between the platform ({@code platformFee}) and the pro.
   * Recorded as soon as the money is taken and no refund is in flight (at once, or when the
   * capture, charge or refund settles).
   *
   * @throws IllegalTransitionException if a release was already asked for, or the payment is new or
   *     terminal
   */
  public Payment requestRelease(Money platformFee, boolean payOut) {
    if (platformFee == null) {
      throw ValidationException.of("platformFee", "must not be null");
    }
    return requestRelease(platformFee, Money.zero(platformFee.currency()), payOut);
  }

  /**
   * Like {@link #requestRelease(Money, boolean)}, with {@code taxOnFee} of the platform fee booked
   * as tax payable.
   */
  public Payment requestRelease(Money platformFee, Money taxOnFee, boolean payOut) {
    PaymentStatus status = status();
    if (release != null || status.isTerminal() || status == PaymentStatus.NEW) {
      throw new IllegalTransitionException("Payment " + id, status, "release");
    }
    if (platformFee == null
        || platformFee.isNegative()
        || !platformFee.currency().equals(currency)) {
      throw ValidationException.of("platformFee", "must be zero or positive in " + currency);
    }
    if (taxOnFee == null || !taxOnFee.currency().equals(currency)) {
      throw ValidationException.of("taxOnFee", "must be in " + currency);
    }
    return with(
        transactions, new Release(platformFee, taxOnFee, payOut, Money.zero(currency), false));
  }

  /** Whether a release was asked for and can be recorded now (money taken, no refund in flight). */
  public boolean releaseDue() {
    return release != null
        && !release.recorded()
        && taken().isPositive()
        && !any(t -> t.kind() == TransactionKind.REFUND && t.isOpen());
  }

  /** The amount the release moves out of customer funds held: taken minus refunded. */
  public Money releasable() {
    return taken().minus(refunded());
  }

  /** Marks the release recorded, fixing the pro's share. */
  Payment markReleaseRecorded() {
    Money amount = releasable();
    Money fee = release.platformFee().min(amount);
    Money tax = release.taxOnFee().min(fee);
    return with(transactions, new Release(fee, tax, release.payOut(), amount.minus(fee), true));
  }

  /** Records a janitor look-up that did not settle the transaction. */
  Payment recordCheck(IdempotencyKey key, Instant nextCheckAt, boolean escalate) {
    PaymentTransaction t = transaction(key).orElseThrow();
    return replace(t, t.withCheck(t.attempts() + 1, nextCheckAt, t.escalated() || escalate));
  }

  /** This payment as saved at {@code newVersion}; for repositories. */
  public Payment withVersion(long newVersion) {
    return new Payment(
        id,
        reference,
        customer,
        pro,
        currency,
        paymentMethod,
        createdAt,
        newVersion,
        transactions,
        release);
  }

  private Payment replace(PaymentTransaction old, PaymentTransaction updated) {
    if (old.equals(updated)) {
      return this;
    }
    List<PaymentTransaction> next = new ArrayList<>(transactions);
    next.set(next.indexOf(old), updated);
    return with(next, release);
  }

  private Payment with(List<PaymentTransaction> next, Release newRelease) {
    return new Payment(
        id,
        reference,
        customer,
        pro,
        currency,
        paymentMethod,
        createdAt,
        version,
        next,
        newRelease);
  }

  private boolean any(Predicate<PaymentTransaction> filter) {
    return transactions.stream().anyMatch(filter);
  }

  private Money sum(Predicate<PaymentTransaction> filter) {
    Money total = Money.zero(currency);
    for (PaymentTransaction t : transactions) {
      if (filter.test(t)) {
        total = total.plus(t.amount());
      }
    }
    return total;
  }

  private Money sumFee(Predicate<PaymentTransaction> filter) {
    Money total = Money.zero(currency);
    for (PaymentTransaction t : transactions) {
      if (filter.test(t)) {
        total = total.plus(t.platformFee());
      }
    }
    return total;
  }

  private IllegalTransitionException refuse(PaymentStatus status, Object action) {
    return new IllegalTransitionException(
        "Payment " + id, status, String.valueOf(action).toLowerCase());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Payment p
        && id.equals(p.id)
        && reference.equals(p.reference)
        && customer.equals(p.customer)
        && pro.equals(p.pro)
        && currency.equals(p.currency)
        && paymentMethod.equals(p.paymentMethod)
        && createdAt.equals(p.createdAt)
        && version == p.version
        && transactions.equals(p.transactions)
        && Objects.equals(release, p.release);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, transactions, release);
  }

  @Override
  public String toString() {
    return "Payment[" + id + " " + status() + " v" + version + " " + transactions.size() + " tx]";
  }
}
