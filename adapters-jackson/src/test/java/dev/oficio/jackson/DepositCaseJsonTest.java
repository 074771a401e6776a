package dev.oficio.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.deposits.ContactAttempt;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class DepositCaseJsonTest {
  private static final String CASE =
      """
      { "appointment": { "id": "apt-1", "customer": "c-1", "pro": "p-17", "category": "electrical",
          "slotStart": "2027-03-02T10:00:00-04:00", "slotEnd": "2027-03-02T11:00:00-04:00",
          "location": {"latitude": 18.4655, "longitude": -66.1057},
          "deposit": "50.00", "currency": "USD", "bookedAt": "2027-02-20T09:00:00-04:00" },
        "attendance": { "proCheckIn": "2027-03-02T09:58:00-04:00",
          "contactAttempts": [ {"channel": "CALL", "at": "2027-03-02T10:02:00-04:00"} ],
          "proCheckOut": "2027-03-02T10:31:00-04:00" },
        "decideAt": "2027-03-02T10:31:00-04:00",
        "followUpJob": {"job": "job-9", "bookedAt": "2027-03-03T09:00:00-04:00"} }
      """;

  @Test
  void readsTheAppointmentItsEvidenceAndTheFollowUp() {
    DepositCaseJson.DepositCase c = DepositCaseJson.read(CASE);
    assertThat(c.appointment().deposit()).isEqualTo(Money.of("50.00", Currency.getInstance("USD")));
    assertThat(c.appointment().slotStart()).isEqualTo(Instant.parse("2027-03-02T14:00:00Z"));
    assertThat(c.appointment().attendance().proCheckIn())
        .isEqualTo(Instant.parse("2027-03-02T13:58:00Z"));
    assertThat(c.appointment().attendance().contactAttempts())
        .extracting(ContactAttempt::channel)
        .containsExactly(ContactAttempt.Channel.CALL);
    assertThat(c.decideAt()).isEqualTo(Instant.parse("2027-03-02T14:31:00Z"));
    assertThat(c.followUpJob().orElseThrow().job()).isEqualTo(JobId.of("job-9"));
  }

  @Test
  void errorsNameTheJsonPath() {
    assertThatThrownBy(() -> DepositCaseJson.read(CASE.replace("\"CALL\"", "\"PIGEON\"")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.attendance.contactAttempts[0].channel");
    assertThatThrownBy(
            () -> DepositCaseJson.read(CASE.replace("2027-03-02T09:58:00-04:00", "yesterday")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.attendance.proCheckIn");
    assertThatThrownBy(() -> DepositCaseJson.read(CASE.replace("\"decideAt\"", "\"decidedAt\"")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.decidedAt");
  }
}
