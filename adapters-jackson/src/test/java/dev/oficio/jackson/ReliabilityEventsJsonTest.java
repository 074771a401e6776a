package dev.oficio.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.reliability.ReliabilityEvent;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityEventsJsonTest {
  private static final ReliabilityEventsJson JSON = ReliabilityEventsJson.create();
  private static final ProId P = ProId.of("p-17");
  private static final Instant AT = Instant.parse("2027-03-02T19:00:00Z");

  @Test
  void readsTheIssuesExampleLines() {
    String lines =
        String.join(
            "\n",
            "{\"type\":\"JOB_COMPLETED\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00-04:00\",\"lateMinutes\":0}",
            "{\"type\":\"PRO_NO_SHOW\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00-04:00\"}",
            "{\"type\":\"CUSTOMER_NO_SHOW\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00-04:00\"}",
            "{\"type\":\"PRO_CANCELLED\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00-04:00\",\"noticeHours\":3}",
            "{\"type\":\"LEAD_RESPONDED\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00-04:00\",\"minutes\":42}",
            "{\"type\":\"RATED\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00-04:00\",\"stars\":5}",
            "{\"type\":\"DISPUTE_LOST\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00-04:00\"}");
    ReliabilityEventsJson.ReadResult result = JSON.read(new StringReader(lines));
    assertThat(result.clean()).isTrue();
    assertThat(result.events())
        .containsExactly(
            new ReliabilityEvent.JobCompleted(P, AT, 0),
            new ReliabilityEvent.ProNoShow(P, AT),
            new ReliabilityEvent.CustomerNoShow(P, AT),
            new ReliabilityEvent.ProCancelled(P, AT, 3),
            new ReliabilityEvent.LeadResponded(P, AT, 42),
            new ReliabilityEvent.Rated(P, AT, 5),
            new ReliabilityEvent.DisputeLost(P, AT));
  }

  @Test
  void everyTypeRoundTrips() {
    List<ReliabilityEvent> all =
        List.of(
            new ReliabilityEvent.JobCompleted(P, AT, 25),
            new ReliabilityEvent.ProCancelled(P, AT, 72),
            new ReliabilityEvent.ProNoShow(P, AT),
            new ReliabilityEvent.CustomerNoShow(P, AT),
            new ReliabilityEvent.LeadOffered(P, AT),
            new ReliabilityEvent.LeadResponded(P, AT, 300),
            new ReliabilityEvent.LeadIgnored(P, AT),
            new ReliabilityEvent.Rated(P, AT, 1),
            new ReliabilityEvent.DisputeOpened(P, AT),
            new ReliabilityEvent.DisputeLost(P, AT),
            new ReliabilityEvent.DisputeWon(P, AT),
            new ReliabilityEvent.CredentialLapsed(P, AT, "electrician-licence"));
    assertThat(all.stream().map(ReliabilityEvent::type).distinct())
        .hasSize(ReliabilityEvent.Type.values().length);
    for (ReliabilityEvent event : all) {
      assertThat(JSON.parseLine(JSON.write(event))).isEqualTo(event);
    }
    assertThat(JSON.write(new ReliabilityEvent.Rated(P, AT, 4)))
        .isEqualTo(
            "{\"type\":\"RATED\",\"pro\":\"p-17\",\"at\":\"2027-03-02T19:00:00Z\",\"stars\":4}");
  }

  @Test
  void lateMinutesDefaultsToZero() {
    assertThat(
            JSON.parseLine(
                "{\"type\":\"JOB_COMPLETED\",\"pro\":\"p-1\",\"at\":\"2027-03-02T19:00:00Z\"}"))
        .isEqualTo(new ReliabilityEvent.JobCompleted(ProId.of("p-1"), AT, 0));
  }

  @Test
  void reportsEveryBadLineWithItsNumberAndKeepsTheGoodOnes() {
    String lines =
        String.join(
            "\n",
            "{\"type\":\"PRO_NO_SHOW\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00-04:00\"}",
            "",
            "{\"type\":\"RATED\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00-04:00\",\"stars\":7}",
            "not json",
            "{\"type\":\"TELEPORTED\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00-04:00\"}",
            "{\"type\":\"PRO_NO_SHOW\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00\"}",
            "{\"type\":\"PRO_CANCELLED\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00Z\"}",
            "{\"type\":\"PRO_NO_SHOW\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00Z\",\"stars\":5}",
            "{\"type\":\"LEAD_RESPONDED\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00Z\",\"minutes\":\"42\"}",
            "{\"type\":\"PRO_NO_SHOW\",\"pro\":\"p 17\",\"at\":\"2027-03-02T15:00:00Z\"}",
            "[1,2]",
            "{\"type\":\"LEAD_IGNORED\",\"pro\":\"p-17\",\"at\":\"2027-03-02T15:00:00-04:00\"}");
    ReliabilityEventsJson.ReadResult result = JSON.read(new StringReader(lines));
    assertThat(result.events()).hasSize(2);
    assertThat(result.badLines())
        .extracting(ReliabilityEventsJson.BadLine::lineNumber)
        .containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(result.badLines().get(0).toString()).startsWith("line 3: stars:");
    assertThat(result.badLines().get(1).message()).startsWith("json: not valid JSON");
    assertThat(result.badLines().get(2).message()).contains("unknown event type 'TELEPORTED'");
    assertThat(result.badLines().get(3).message()).startsWith("at:");
    assertThat(result.badLines().get(4).message()).isEqualTo("noticeHours: is required");
    assertThat(result.badLines().get(5).message())
        .isEqualTo("stars: is not a field of PRO_NO_SHOW");
    assertThat(result.badLines().get(6).message()).startsWith("minutes: must be a whole number");
    assertThat(result.badLines().get(7).message()).startsWith("proId:");
    assertThat(result.badLines().get(8).message())
        .startsWith("json: each line must be one JSON object");
  }

  @Test
  void parseLineThrowsAValidationException() {
    assertThatThrownBy(() -> JSON.parseLine("{\"pro\":\"p-1\"}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("type: is required");
  }
}
