package dev.oficio.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.IllegalTransitionException;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class JobTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant T1 = Instant.parse("2027-03-01T14:00:00Z");
  private static final Money ZERO = Money.zero(USD);

  /** A job brought to each status by legal transitions. */
  private static Job in(JobStatus status) {
    Job quoted = JobFixture.aJob().quoted();
    Job accepted = quoted.attachPayment(PaymentId.of("pay-1")).accept(SecuredBy.HOLD, T1);
    Job completed = accepted.complete(T1);
    return switch (status) {
      case QUOTED -> quoted;
      case ACCEPTED -> accepted;
      case IN_PROGRESS -> accepted.start(T1);
      case COMPLETED -> completed;
      case CLOSED -> completed.close(T1);
      case CANCELLED -> accepted.cancel(CancelledBy.CUSTOMER, T1, ZERO);
      case DISPUTED -> completed.dispute("not done", T1);
      case REFUNDED ->
          completed
              .requestRefund("all", completed.price())
              .refundSucceeded("all", completed.price(), Money.of("12.00", USD), T1);
    };
  }

  private static final Map<String, UnaryOperator<Job>> TRANSITIONS =
      Map.of(
          "accept", j -> j.accept(SecuredBy.HOLD, T1),
          "start", j -> j.start(T1),
          "complete", j -> j.complete(T1),
          "close", j -> j.close(T1),
          "cancel", j -> j.cancel(CancelledBy.CUSTOMER, T1, ZERO),
          "dispute", j -> j.dispute("bad", T1),
          "resolve", j -> j.resolveDispute(DisputeResolution.PAYOUT, T1),
          "refund", j -> j.requestRefund("r", Money.of("1.00", USD)));

  /** The statuses each transition is legal from. */
  private static final Map<String, Set<JobStatus>> LEGAL =
      Map.of(
          "accept", EnumSet.of(JobStatus.QUOTED),
          "start", EnumSet.of(JobStatus.ACCEPTED),
          "complete", EnumSet.of(JobStatus.ACCEPTED, JobStatus.IN_PROGRESS),
          "close", EnumSet.of(JobStatus.COMPLETED),
          "cancel", EnumSet.of(JobStatus.QUOTED, JobStatus.ACCEPTED),
          "dispute", EnumSet.of(JobStatus.COMPLETED),
          "resolve", EnumSet.of(JobStatus.DISPUTED),
          "refund", EnumSet.of(JobStatus.COMPLETED, JobStatus.DISPUTED));

  private static final Map<String, JobStatus> TARGET = new java.util.HashMap<>();

  static {
    TARGET.put("accept", JobStatus.ACCEPTED);
    TARGET.put("start", JobStatus.IN_PROGRESS);
    TARGET.put("complete", JobStatus.COMPLETED);
    TARGET.put("close", JobStatus.CLOSED);
    TARGET.put("cancel", JobStatus.CANCELLED);
    TARGET.put("dispute", JobStatus.DISPUTED);
    TARGET.put("resolve", JobStatus.COMPLETED);
  }

  @Test
  void everyTransitionIsLegalExactlyFromItsStatuses() {
    Map<JobStatus, Job> jobs = new EnumMap<>(JobStatus.class);
    for (JobStatus s : JobStatus.values()) {
      jobs.put(s, in(s));
      assertThat(jobs.get(s).status()).isEqualTo(s);
    }
    TRANSITIONS.forEach(
        (name, transition) -> {
          for (JobStatus from : JobStatus.values()) {
            Job job =
                from == JobStatus.QUOTED
                    ? jobs.get(from).attachPayment(PaymentId.of("p"))
                    : jobs.get(from);
            if (LEGAL.get(name).contains(from)) {
              Job after = transition.apply(job);
              JobStatus expected = TARGET.getOrDefault(name, from);
              assertThat(after.status()).as(name + " from " + from).isEqualTo(expected);
            } else {
              assertThatThrownBy(() -> transition.apply(job))
                  .as(name + " from " + from)
                  .isInstanceOf(IllegalTransitionException.class)
                  .hasMessageContaining(from.name());
            }
          }
        });
  }

  @Test
  void terminalStatusesAllowNothing() {
    for (JobStatus s : JobStatus.values()) {
      if (s.isTerminal()) {
        Job job = in(s);
        TRANSITIONS.forEach(
            (name, t) ->
                assertThatThrownBy(() -> t.apply(job))
                    .as(name + " from " + s)
                    .isInstanceOf(IllegalTransitionException.class));
      }
    }
  }

  @Test
  void transitionsAppendTheirEvents() {
    Job job = JobFixture.aJob().quoted();
    assertThat(job.newEvents()).singleElement().isInstanceOf(JobEvent.JobQuoted.class);
    Job done = job.attachPayment(PaymentId.of("pay-1")).accept(SecuredBy.CHARGE, T1).complete(T1);
    assertThat(done.newEvents())
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("JobQuoted", "JobAccepted", "JobCompleted");
    JobEvent.JobCompleted completed = (JobEvent.JobCompleted) done.newEvents().get(2);
    assertThat(completed.platformFee()).isEqualTo(Money.of("12.00", USD));
    assertThat(completed.aggregateType()).isEqualTo("Job");
    assertThat(completed.aggregateId()).isEqualTo("job-1");
  }

  @Test
  void cancelRecordsWhoAndTheNoticeInWholeHours() {
    Job job = JobFixture.aJob().quoted();
    // Scheduled two days after T0; cancelled at T0 + 1h: 47 hours' notice.
    Job cancelled = job.cancel(CancelledBy.PRO, T1, ZERO);
    JobEvent.JobCancelled event = (JobEvent.JobCancelled) cancelled.newEvents().get(1);
    assertThat(event.by()).isEqualTo(CancelledBy.PRO);
    assertThat(event.noticeHours()).isEqualTo(47);
    assertThatThrownBy(() -> job.cancel(CancelledBy.PRO, T1, Money.of("100.01", USD)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void acceptNeedsASecuredPayment() {
    assertThatThrownBy(() -> JobFixture.aJob().quoted().accept(SecuredBy.HOLD, T1))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void refundsAreIdempotentByIdAndCappedByThePrice() {
    Job job = in(JobStatus.COMPLETED).requestRefund("a", Money.of("60.00", USD));
    assertThat(job.requestRefund("a", Money.of("60.00", USD))).isSameAs(job);
    assertThatThrownBy(() -> job.requestRefund("b", Money.of("40.01", USD)))
        .isInstanceOf(ValidationException.class);
    Job failed = job.refundFailed("a");
    assertThat(failed.refundable()).isEqualTo(Money.of("100.00", USD));
    Job partial = job.refundSucceeded("a", Money.of("60.00", USD), Money.of("7.20", USD), T1);
    assertThat(partial.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(partial.refunded()).isEqualTo(Money.of("60.00", USD));
    assertThat(partial.refundSucceeded("a", Money.of("60.00", USD), Money.of("7.20", USD), T1))
        .isSameAs(partial);
    assertThatThrownBy(() -> partial.close(T1).requestRefund("c", Money.of("1.00", USD)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> job.close(T1)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void standardCancellationPolicyChargesByNotice() {
    CancellationPolicy policy = CancellationPolicy.standard();
    java.time.Duration since = java.time.Duration.ofHours(1);
    assertThat(policy.feeRate(CancelledBy.CUSTOMER, java.time.Duration.ofHours(24), since))
        .isEqualTo(dev.oficio.shared.Rate.ZERO);
    assertThat(policy.feeRate(CancelledBy.CUSTOMER, java.time.Duration.ofHours(23), since))
        .isEqualTo(dev.oficio.shared.Rate.parse("25"));
    assertThat(policy.feeRate(CancelledBy.CUSTOMER, java.time.Duration.ofMinutes(119), since))
        .isEqualTo(dev.oficio.shared.Rate.parse("50"));
    assertThat(policy.feeRate(CancelledBy.CUSTOMER, java.time.Duration.ofHours(-3), since))
        .isEqualTo(dev.oficio.shared.Rate.parse("50"));
    // Free just after booking, and free whenever the pro cancels.
    assertThat(
            policy.feeRate(
                CancelledBy.CUSTOMER,
                java.time.Duration.ofMinutes(30),
                java.time.Duration.ofMinutes(5)))
        .isEqualTo(dev.oficio.shared.Rate.ZERO);
    assertThat(policy.feeRate(CancelledBy.PRO, java.time.Duration.ZERO, since))
        .isEqualTo(dev.oficio.shared.Rate.ZERO);
  }
}
