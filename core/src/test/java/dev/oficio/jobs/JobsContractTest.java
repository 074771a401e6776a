package dev.oficio.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import java.time.Instant;
import java.util.Currency;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Jobs} repository meets. Adapters extend it with their implementation
 * (published in core's test-jar).
 */
public abstract class JobsContractTest {
  /** For subclasses that bind the contract to an implementation. */
  protected JobsContractTest() {}

  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant T1 = Instant.parse("2027-03-01T14:00:00Z");

  private Jobs jobs;

  /** A new, empty repository. */
  protected abstract Jobs newJobs();

  /** The unit-of-work runner the repository needs; in-memory by default. */
  protected TransactionRunner transactions() {
    return TransactionRunner.inMemory();
  }

  @BeforeEach
  void createRepository() {
    jobs = newJobs();
  }

  private <T> T tx(Supplier<T> work) {
    return transactions().inTransaction(work);
  }

  @Test
  void savesAndFindsAJobWithItsFrozenQuoteAndEveryField() {
    Job job =
        JobFixture.aJob()
            .withAmount("250.00")
            .quoted()
            .attachPayment(PaymentId.of("pay-1"))
            .accept(SecuredBy.HOLD, T1)
            .complete(T1)
            .requestRefund("r1", Money.of("50.00", USD))
            .refundSucceeded("r1", Money.of("50.00", USD), Money.of("6.00", USD), T1)
            .requestRefund("r2", Money.of("10.00", USD));
    Job saved = tx(() -> jobs.save(job));
    assertThat(saved.version()).isEqualTo(1);
    assertThat(saved.newEvents()).isEmpty();
    Job found = tx(() -> jobs.find(JobId.of("job-1"))).orElseThrow();
    assertSameJob(found, saved);
    assertThat(found.quote().scheduleVersion()).isEqualTo(3);
    assertThat(found.refunded()).isEqualTo(Money.of("50.00", USD));
    assertThat(found.pendingRefunds()).containsEntry("r2", Money.of("10.00", USD));
    assertThat(found.settledRefunds()).containsExactly("r1");
    assertThat(found.acceptedAt()).contains(T1);
    assertThat(tx(() -> jobs.find(JobId.of("missing")))).isEmpty();
  }

  /**
   * Compares every stored field. The quote is compared by its amounts and schedule, not its
   * explanation, which a store may rebuild or omit.
   */
  private static void assertSameJob(Job found, Job expected) {
    assertThat(found.id()).isEqualTo(expected.id());
    assertThat(found.customer()).isEqualTo(expected.customer());
    assertThat(found.pro()).isEqualTo(expected.pro());
    assertThat(found.scheduledAt()).isEqualTo(expected.scheduledAt());
    assertThat(found.paymentMethod()).isEqualTo(expected.paymentMethod());
    assertThat(found.status()).isEqualTo(expected.status());
    assertThat(found.payment()).isEqualTo(expected.payment());
    assertThat(found.securedBy()).isEqualTo(expected.securedBy());
    assertThat(found.acceptedAt()).isEqualTo(expected.acceptedAt());
    assertThat(found.refunded()).isEqualTo(expected.refunded());
    assertThat(found.pendingRefunds()).isEqualTo(expected.pendingRefunds());
    assertThat(found.settledRefunds()).isEqualTo(expected.settledRefunds());
    assertThat(found.cancellationFee()).isEqualTo(expected.cancellationFee());
    assertThat(found.createdAt()).isEqualTo(expected.createdAt());
    assertThat(found.version()).isEqualTo(expected.version());
    assertThat(found.quote())
        .usingRecursiveComparison()
        .ignoringFields("explanation", "customerExplanation")
        .isEqualTo(expected.quote());
  }

  @Test
  void staleWritesAreRejected() {
    Job v1 = tx(() -> jobs.save(JobFixture.aJob().quoted()));
    Job started = v1.attachPayment(PaymentId.of("pay-1"));
    assertThat(tx(() -> jobs.save(started)).version()).isEqualTo(2);
    assertThatThrownBy(() -> tx(() -> jobs.save(started))).isInstanceOf(ConcurrencyException.class);
    assertThatThrownBy(() -> tx(() -> jobs.save(JobFixture.aJob().quoted())))
        .isInstanceOf(ConcurrencyException.class);
  }
}
