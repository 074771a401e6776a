package dev.oficio.reliability;

import static dev.oficio.reliability.Fixtures.T0;
import static dev.oficio.reliability.Fixtures.pro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.BusinessCalendar;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReliabilityEventTest {

  @Test
  void rejectsStarsOutsideOneToFive() {
    assertThatThrownBy(() -> new ReliabilityEvent.Rated(pro("p-1"), T0, 6))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("stars");
    assertThatThrownBy(() -> new ReliabilityEvent.Rated(pro("p-1"), T0, 0))
        .hasMessageContaining("stars");
  }

  @Test
  void rejectsNegativeMinutesAndHoursAndMissingFields() {
    assertThatThrownBy(() -> new ReliabilityEvent.JobCompleted(pro("p-1"), T0, -1))
        .hasMessageContaining("lateMinutes");
    assertThatThrownBy(() -> new ReliabilityEvent.ProCancelled(pro("p-1"), T0, -3))
        .hasMessageContaining("noticeHours");
    assertThatThrownBy(() -> new ReliabilityEvent.LeadResponded(pro("p-1"), T0, -5))
        .hasMessageContaining("minutes");
    assertThatThrownBy(() -> new ReliabilityEvent.ProNoShow(null, T0)).hasMessageContaining("pro");
    assertThatThrownBy(() -> new ReliabilityEvent.ProNoShow(pro("p-1"), null))
        .hasMessageContaining("at");
    assertThatThrownBy(() -> new ReliabilityEvent.CredentialLapsed(pro("p-1"), T0, " "))
        .hasMessageContaining("credential");
  }

  @Test
  void leadResponseTimeCountsOnlyBusinessHours() {
    // Friday 2027-03-05 16:30 AST (20:30Z) to Monday 2027-03-08 08:30 AST (12:30Z):
    // 30 minutes on Friday before 17:00 plus 30 on Monday after 08:00.
    ReliabilityEvent.LeadResponded response =
        ReliabilityEvent.LeadResponded.between(
            pro("p-1"),
            Instant.parse("2027-03-05T20:30:00Z"),
            Instant.parse("2027-03-08T12:30:00Z"),
            BusinessCalendar.puertoRico());
    assertThat(response.minutes()).isEqualTo(60);
    assertThat(response.at()).isEqualTo(Instant.parse("2027-03-08T12:30:00Z"));
    assertThat(response.type()).isEqualTo(ReliabilityEvent.Type.LEAD_RESPONDED);
  }

  @Test
  void rejectsInstantsOutsideTheSupportedRange() {
    assertThatThrownBy(() -> new ReliabilityEvent.ProNoShow(pro("p-1"), Instant.MAX))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("at: must be between");
    assertThatThrownBy(() -> Fixtures.MODEL.newCounters(pro("p-1")).score(Instant.MIN))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("at:");
  }
}
