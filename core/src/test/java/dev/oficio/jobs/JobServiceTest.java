package dev.oficio.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.Oficio;
import dev.oficio.fees.FeeRule;
import dev.oficio.fees.FeeSchedule;
import dev.oficio.fees.FeeSchedules;
import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.payments.OnboardingStatus;
import dev.oficio.payments.Payment;
import dev.oficio.payments.PaymentStatus;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.IllegalTransitionException;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import dev.oficio.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobServiceTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant T0 = Instant.parse("2027-03-01T13:00:00Z");
  private static final ProId PRO = ProId.of("p-17");
  private static final CustomerId CUSTOMER = CustomerId.of("c-1");
  private static final Account CASH = Account.of(AccountType.CASH_AT_PROVIDER);
  private static final Account HELD = Account.of(AccountType.CUSTOMER_FUNDS_HELD);
  private static final Account REVENUE = Account.of(AccountType.PLATFORM_REVENUE);
  private static final Account PAYABLE = Account.proPayable(PRO);

  private final MutableClock clock = new MutableClock(T0);

  private Oficio oficio(SimulatedProfile profile, boolean payoutsEnabled) {
    SimulatedGateway gateway = SimulatedGateway.of(profile, clock);
    Oficio oficio =
        Oficio.builder().clock(clock).ids(IdGenerator.sequential()).paymentGateway(gateway).build();
    oficio.payees().register(PRO, SimulatedGateway.PROVIDER, "acct_p17");
    if (payoutsEnabled) {
      oficio.payees().update(PRO, OnboardingStatus.COMPLETE, true, List.of());
    }
    return oficio;
  }

  private static Money usd(String amount) {
    return Money.of(amount, USD);
  }

  private Job quote(Oficio oficio, String amount, Duration startsIn) {
    return oficio
        .jobs()
        .quote(
            new QuoteJob(
                CUSTOMER, PRO, usd(amount), T0.plus(startsIn), "pm_card_visa", null, null));
  }

  @Test
  void holdThenCaptureWithFeeAndTransferToThePro() {
    Oficio oficio = oficio(SimulatedProfile.STRIPE_LIKE, true);
    Job job = quote(oficio, "250.00", Duration.ofDays(2));
    // 12% of $250 = $30 platform fee, frozen with the schedule version.
    assertThat(job.quote().platformFee()).isEqualTo(usd("30.00"));
    assertThat(job.quote().scheduleVersion()).isEqualTo(1);

    Job accepted = oficio.jobs().accept(job.id());
    assertThat(accepted.status()).isEqualTo(JobStatus.ACCEPTED);
    assertThat(accepted.securedBy()).contains(SecuredBy.HOLD);
    // A hold moves no money.
    assertThat(oficio.ledger().entries()).isEmpty();

    Job completed = oficio.jobs().complete(job.id());
    assertThat(completed.status()).isEqualTo(JobStatus.COMPLETED);
    Payment payment = oficio.payments().get(completed.payment().orElseThrow());
    assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(payment.transferredNet()).isEqualTo(usd("220.00"));
    // Cash: +250 captured, -220 transferred; revenue 30; pro payable settled to zero.
    assertThat(oficio.ledger().balance(CASH, USD)).isEqualTo(usd("30.00"));
    assertThat(oficio.ledger().balance(REVENUE, USD)).isEqualTo(usd("-30.00"));
    assertThat(oficio.ledger().balance(PAYABLE, USD)).isEqualTo(Money.zero(USD));
    assertThat(oficio.ledger().balance(HELD, USD)).isEqualTo(Money.zero(USD));
    assertThat(oficio.ledger().trialBalance().isBalanced()).isTrue();
  }

  @Test
  void athLikeChargesAtAcceptanceAndKeepsTheProSharepayable() {
    Oficio oficio = oficio(SimulatedProfile.ATH_LIKE, true);
    Job job = quote(oficio, "100.00", Duration.ofDays(2));
    Job accepted = oficio.jobs().accept(job.id());
    assertThat(accepted.securedBy()).contains(SecuredBy.CHARGE);
    // Charged now, held for the customer in the ledger.
    assertThat(oficio.ledger().balance(HELD, USD)).isEqualTo(usd("-100.00"));

    oficio.jobs().complete(job.id());
    // No payouts through ATH: the pro's $88 stays payable.
    assertThat(oficio.ledger().balance(HELD, USD)).isEqualTo(Money.zero(USD));
    assertThat(oficio.ledger().balance(PAYABLE, USD)).isEqualTo(usd("-88.00"));
    assertThat(oficio.ledger().balance(REVENUE, USD)).isEqualTo(usd("-12.00"));
    assertThat(oficio.ledger().balance(CASH, USD)).isEqualTo(usd("100.00"));
  }

  @Test
  void jobsBeyondTheHoldWindowAreChargedNowThenPaidByTransfer() {
    Oficio oficio = oficio(SimulatedProfile.STRIPE_LIKE, true);
    Job job = quote(oficio, "100.00", Duration.ofDays(30));
    assertThat(oficio.jobs().accept(job.id()).securedBy()).contains(SecuredBy.CHARGE);
    Job done = oficio.jobs().complete(job.id());
    assertThat(oficio.payments().get(done.payment().orElseThrow()).transferredNet())
        .isEqualTo(usd("88.00"));
  }

  @Test
  void partialRefundReversesFeesInProportionAndTakesBackFromThePro() {
    Oficio oficio = oficio(SimulatedProfile.STRIPE_LIKE, true);
    Job job = quote(oficio, "250.00", Duration.ofDays(2));
    oficio.jobs().accept(job.id());
    oficio.jobs().complete(job.id());

    Job refunded = oficio.jobs().refund(job.id(), "r1", usd("50.00"));
    // $50 of $250 is 20%: the platform gives back 20% of $30 = $6, the pro $44.
    assertThat(refunded.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(refunded.refunded()).isEqualTo(usd("50.00"));
    Payment payment = oficio.payments().get(refunded.payment().orElseThrow());
    assertThat(payment.refunded()).isEqualTo(usd("50.00"));
    assertThat(payment.transferredNet()).isEqualTo(usd("176.00"));
    assertThat(oficio.ledger().balance(REVENUE, USD)).isEqualTo(usd("-24.00"));
    assertThat(oficio.ledger().balance(PAYABLE, USD)).isEqualTo(Money.zero(USD));
    assertThat(oficio.ledger().balance(CASH, USD)).isEqualTo(usd("24.00"));

    // Same refund id again: refunded once.
    assertThat(oficio.jobs().refund(job.id(), "r1", usd("50.00")).refunded())
        .isEqualTo(usd("50.00"));
    assertThatThrownBy(() -> oficio.jobs().refund(job.id(), "r2", usd("200.01")))
        .isInstanceOf(ValidationException.class);

    Job all = oficio.jobs().refund(job.id(), "r2", usd("200.00"));
    assertThat(all.status()).isEqualTo(JobStatus.REFUNDED);
    assertThat(oficio.ledger().balance(REVENUE, USD)).isEqualTo(Money.zero(USD));
    assertThat(oficio.ledger().balance(CASH, USD)).isEqualTo(Money.zero(USD));
    assertThat(oficio.ledger().trialBalance().isBalanced()).isTrue();
  }

  @Test
  void customerCancellingLateKeepsTheWindowFeeSplitLikeTheJob() {
    Oficio oficio = oficio(SimulatedProfile.STRIPE_LIKE, true);
    Job job = quote(oficio, "200.00", Duration.ofHours(30));
    oficio.jobs().accept(job.id());
    clock.advance(Duration.ofHours(20)); // 10 hours' notice: the 25% window.
    Job cancelled = oficio.jobs().cancel(job.id(), CancelledBy.CUSTOMER, clock.instant());
    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(cancelled.cancellationFee()).contains(usd("50.00"));
    // $50 kept: platform 12% = $6, pro $44 (transferred).
    assertThat(oficio.ledger().balance(REVENUE, USD)).isEqualTo(usd("-6.00"));
    Payment payment = oficio.payments().get(cancelled.payment().orElseThrow());
    assertThat(payment.taken()).isEqualTo(usd("50.00"));
    assertThat(payment.transferredNet()).isEqualTo(usd("44.00"));
    assertThat(oficio.ledger().trialBalance().isBalanced()).isTrue();
  }

  @Test
  void proCancellingOrEarlyNoticeIsFreeAndVoidsTheHold() {
    Oficio oficio = oficio(SimulatedProfile.STRIPE_LIKE, true);
    Job job = quote(oficio, "200.00", Duration.ofHours(3));
    oficio.jobs().accept(job.id());
    clock.advance(Duration.ofHours(2));
    Job cancelled = oficio.jobs().cancel(job.id(), CancelledBy.PRO, clock.instant());
    assertThat(cancelled.cancellationFee()).contains(Money.zero(USD));
    assertThat(oficio.payments().get(cancelled.payment().orElseThrow()).status())
        .isEqualTo(PaymentStatus.VOIDED);
    assertThat(oficio.ledger().entries()).isEmpty();
  }

  @Test
  void chargedJobCancelledWithFullNoticeRefundsEverything() {
    Oficio oficio = oficio(SimulatedProfile.ATH_LIKE, true);
    Job job = quote(oficio, "80.00", Duration.ofDays(3));
    oficio.jobs().accept(job.id());
    clock.advance(Duration.ofHours(1));
    Job cancelled = oficio.jobs().cancel(job.id(), CancelledBy.CUSTOMER, clock.instant());
    assertThat(cancelled.cancellationFee()).contains(Money.zero(USD));
    assertThat(oficio.payments().get(cancelled.payment().orElseThrow()).status())
        .isEqualTo(PaymentStatus.REFUNDED);
    assertThat(oficio.ledger().balance(CASH, USD)).isEqualTo(Money.zero(USD));
    assertThat(oficio.ledger().balance(HELD, USD)).isEqualTo(Money.zero(USD));
  }

  @Test
  void disputeResolvedByRefundEndsRefunded() {
    Oficio oficio = oficio(SimulatedProfile.STRIPE_LIKE, true);
    Job job = quote(oficio, "120.00", Duration.ofDays(1));
    oficio.jobs().accept(job.id());
    oficio.jobs().start(job.id());
    oficio.jobs().complete(job.id());
    assertThat(oficio.jobs().dispute(job.id(), "work not done").status())
        .isEqualTo(JobStatus.DISPUTED);
    Job resolved = oficio.jobs().resolveDispute(job.id(), DisputeResolution.REFUND);
    assertThat(resolved.status()).isEqualTo(JobStatus.REFUNDED);
    assertThat(oficio.ledger().balance(CASH, USD)).isEqualTo(Money.zero(USD));
    assertThat(oficio.ledger().balance(PAYABLE, USD)).isEqualTo(Money.zero(USD));
  }

  @Test
  void illegalCommandsAreRefused() {
    Oficio oficio = oficio(SimulatedProfile.STRIPE_LIKE, true);
    Job job = quote(oficio, "120.00", Duration.ofDays(1));
    assertThatThrownBy(() -> oficio.jobs().start(job.id()))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> oficio.jobs().dispute(job.id(), "x"))
        .isInstanceOf(IllegalTransitionException.class);
    oficio.jobs().cancel(job.id(), CancelledBy.CUSTOMER, clock.instant());
    assertThatThrownBy(() -> oficio.jobs().accept(job.id()))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void taxOnTheFeeIsBookedAsTaxPayableAndGivenBackInProportion() {
    Currency usd = USD;
    FeeSchedule ivu =
        FeeSchedule.builder("ivu", 1, usd, Instant.EPOCH)
            .rule(FeeRule.builder("default", usd).lastTier(Rate.parse("12")))
            .taxOnFee(Rate.parse("11.5"))
            .build();
    SimulatedGateway gateway = SimulatedGateway.of(SimulatedProfile.STRIPE_LIKE, clock);
    Oficio oficio =
        Oficio.builder()
            .clock(clock)
            .ids(IdGenerator.sequential())
            .paymentGateway(gateway)
            .feeSchedules(FeeSchedules.of(ivu))
            .build();
    oficio.payees().register(PRO, SimulatedGateway.PROVIDER, "acct_p17");
    oficio.payees().update(PRO, OnboardingStatus.COMPLETE, true, List.of());
    Job job = quote(oficio, "100.00", Duration.ofDays(2));
    // 12% of $100 = $12.00; 11.5% IVU on it = $1.38; the pro gets $86.62.
    assertThat(job.quote().taxOnFee()).isEqualTo(usd("1.38"));
    oficio.jobs().accept(job.id());
    oficio.jobs().complete(job.id());
    Account tax = Account.of(AccountType.TAX_PAYABLE);
    assertThat(oficio.ledger().balance(REVENUE, USD)).isEqualTo(usd("-12.00"));
    assertThat(oficio.ledger().balance(tax, USD)).isEqualTo(usd("-1.38"));

    oficio.jobs().refund(job.id(), "1", usd("50.00"));
    // Half refunded: $6.00 of fee and $0.69 of tax come back; the pro returns $43.31.
    assertThat(oficio.ledger().balance(REVENUE, USD)).isEqualTo(usd("-6.00"));
    assertThat(oficio.ledger().balance(tax, USD)).isEqualTo(usd("-0.69"));
    assertThat(oficio.ledger().balance(PAYABLE, USD)).isEqualTo(Money.zero(USD));
    assertThat(oficio.ledger().balance(CASH, USD)).isEqualTo(usd("6.69"));
    oficio.jobs().refund(job.id(), "2", usd("50.00"));
    assertThat(oficio.ledger().balance(tax, USD)).isEqualTo(Money.zero(USD));
    assertThat(oficio.ledger().balance(REVENUE, USD)).isEqualTo(Money.zero(USD));
    assertThat(oficio.ledger().trialBalance().isBalanced()).isTrue();
  }

  @Test
  void declinedAcceptanceLeavesTheJobQuotedAndTheNextAttemptUsesANewPayment() {
    SimulatedGateway gateway = SimulatedGateway.of(SimulatedProfile.STRIPE_LIKE, clock);
    Oficio oficio =
        Oficio.builder().clock(clock).ids(IdGenerator.sequential()).paymentGateway(gateway).build();
    Job job = quote(oficio, "90.00", Duration.ofDays(2));
    gateway.failNext(dev.oficio.payments.simulated.SimulatedFault.DECLINE);
    Job declined = oficio.jobs().accept(job.id());
    assertThat(declined.status()).isEqualTo(JobStatus.QUOTED);
    assertThat(declined.payment()).isEmpty();
    assertThat(oficio.outbox().poll(100)).noneMatch(m -> m.event() instanceof JobEvent.JobAccepted);

    Job accepted = oficio.jobs().accept(job.id());
    assertThat(accepted.status()).isEqualTo(JobStatus.ACCEPTED);
    assertThat(accepted.payment()).isPresent();
    assertThat(oficio.payments().get(accepted.payment().orElseThrow()).status())
        .isEqualTo(PaymentStatus.AUTHORIZED);
    // Accepting again is a no-op.
    assertThat(oficio.jobs().accept(job.id())).isEqualTo(accepted);
    assertThat(oficio.outbox().poll(100))
        .filteredOn(m -> m.event() instanceof JobEvent.JobAccepted)
        .hasSize(1);
  }
}
