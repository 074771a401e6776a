package dev.oficio.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.DomainEvent;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.OficioException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {
  private static final Currency USD = Currency.getInstance("USD");
  private final EventJson json = new EventJson();

  private static JobCompleted event() {
    return new JobCompleted(
        JobId.of("job-000001"),
        Instant.parse("2027-03-02T13:00:00.123456Z"),
        Money.of("250.00", USD),
        JobCompleted.Outcome.COMPLETED,
        List.of(
            new JobCompleted.Split("platform", Money.of("30.00", USD)),
            new JobCompleted.Split("pro", Money.of("220.00", USD))));
  }

  @Test
  void aRecordEventReadsBackEqualToWhatWasWritten() {
    JobCompleted event = event();
    DomainEvent read = json.read(JobCompleted.class.getName(), json.write(event));
    assertThat(read).isEqualTo(event);
  }

  @Test
  void writesRecordComponentsOnlyWithMoneyInMinorUnits() {
    String written = json.write(event());
    assertThat(written)
        .contains("\"jobId\"")
        .contains("\"minorUnits\":25000")
        .contains("\"currency\":\"USD\"")
        .contains("\"outcome\":\"COMPLETED\"")
        // Money.isZero() and friends are methods, not data.
        .doesNotContain("\"zero\"")
        .doesNotContain("\"positive\"");
  }

  @Test
  void fieldsAddedSinceTheRowWasWrittenAreIgnoredNotFatal() {
    String written = json.write(event());
    String withExtra = "{\"addedLater\":1," + written.substring(1);
    assertThat(json.read(JobCompleted.class.getName(), withExtra)).isEqualTo(event());
  }

  @Test
  void refusesClassesThatAreNotDomainEvents() {
    assertThatThrownBy(() -> json.read("java.lang.String", "\"x\""))
        .isInstanceOf(OficioException.class)
        .hasMessageContaining("not a DomainEvent");
    assertThatThrownBy(() -> json.read("dev.oficio.Missing", "{}"))
        .isInstanceOf(OficioException.class)
        .hasMessageContaining("dev.oficio.Missing");
  }
}
