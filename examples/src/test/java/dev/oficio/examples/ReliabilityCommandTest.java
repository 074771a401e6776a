package dev.oficio.examples;

import static dev.oficio.examples.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReliabilityCommandTest {
  private static final String SAMPLE = "events/reliability-sample.jsonl";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private Path file(String... lines) throws IOException {
    Path file = dir.resolve("events.jsonl");
    Files.write(file, List.of(lines));
    return file;
  }

  @Test
  void explainPrintsTheScoreTierAndEveryComponent() {
    CliRun run = run("reliability", "explain", "--events", SAMPLE, "--pro", "p-31");
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("Reliability of p-31 at 2027-06-30T15:00:00Z")
        .containsPattern("score \\d+\\.\\d\\d / 100, tier STANDARD")
        .contains("completion", "punctuality", "responsiveness", "cancellation", "noShow")
        .contains("rating", "disputes", "LEAD_RESPONDED_LATE");
  }

  @Test
  void explainJsonHasScoreTierAndComponentsByName() throws IOException {
    // One completed job and one no-show at the same instant, scored at that instant.
    Path file =
        file(
            "{\"type\":\"JOB_COMPLETED\",\"pro\":\"p-1\",\"at\":\"2027-03-02T15:00:00-04:00\",\"lateMinutes\":0}",
            "{\"type\":\"PRO_NO_SHOW\",\"pro\":\"p-1\",\"at\":\"2027-03-02T15:00:00-04:00\"}",
            "{\"type\":\"CUSTOMER_NO_SHOW\",\"pro\":\"p-1\",\"at\":\"2027-03-02T15:00:00-04:00\"}");
    CliRun run =
        run("reliability", "explain", "--events", file.toString(), "--pro", "p-1", "--json");
    assertThat(run.status()).isZero();
    JsonNode node = JSON.readTree(run.out());
    assertThat(node.get("tier").stringValue()).isEqualTo("NEW");
    JsonNode components = node.get("components");
    assertThat(components.propertyNames()).hasSize(7);
    // completion (1 + 0.9·10) / (2 + 10); no-show 1 − (1 + 0.02·20) / (2 + 20)
    assertThat(components.get("completion").get("value").doubleValue())
        .isCloseTo(10.0 / 12, within(1e-4));
    assertThat(components.get("noShow").get("value").doubleValue())
        .isCloseTo(1 - 1.4 / 22, within(1e-4));
    double sum = 0;
    for (String name : components.propertyNames()) {
      sum += components.get(name).get("contribution").doubleValue();
    }
    assertThat(node.get("score").doubleValue()).isCloseTo(sum, within(1e-3));
    assertThat(node.get("exclusions").get("CUSTOMER_NO_SHOW_EXCLUDED").intValue()).isEqualTo(1);
  }

  @Test
  void explainAtAnEarlierInstantIgnoresLaterEvents() throws IOException {
    Path file =
        file(
            "{\"type\":\"JOB_COMPLETED\",\"pro\":\"p-1\",\"at\":\"2027-03-02T15:00:00-04:00\"}",
            "{\"type\":\"PRO_NO_SHOW\",\"pro\":\"p-1\",\"at\":\"2027-03-09T15:00:00-04:00\"}");
    CliRun run =
        run(
            "reliability",
            "explain",
            "--events",
            file.toString(),
            "--pro",
            "p-1",
            "--json",
            "--at",
            "2027-03-02T15:00:00-04:00");
    JsonNode node = JSON.readTree(run.out());
    assertThat(node.get("at").stringValue()).isEqualTo("2027-03-02T19:00:00Z");
    // the completed job is the no-show rate's only trial; the later no-show is not counted
    JsonNode noShow = node.get("components").get("noShow");
    assertThat(noShow.get("count").intValue()).isEqualTo(1);
    assertThat(noShow.get("rate").doubleValue()).isZero();
    assertThat(noShow.get("reasonCodes").get(0).stringValue()).isEqualTo("JOB_COMPLETED_ON_TIME");
  }

  @Test
  void rankPrintsProsInOrderWithTheirScore() throws IOException {
    CliRun run = run("reliability", "rank", "--events", SAMPLE, "--json");
    assertThat(run.status()).isZero();
    JsonNode pros = JSON.readTree(run.out()).get("pros");
    List<String> order = new ArrayList<>();
    double previousTotal = Double.MAX_VALUE;
    for (JsonNode p : pros) {
      order.add(p.get("pro").stringValue());
      assertThat(p.get("rank").intValue()).isEqualTo(order.size());
      assertThat(p.get("score").doubleValue()).isBetween(0.0, 100.0);
      assertThat(p.get("total").doubleValue()).isLessThanOrEqualTo(previousTotal);
      previousTotal = p.get("total").doubleValue();
    }
    assertThat(order).containsExactlyInAnyOrder("p-17", "p-22", "p-31", "p-40", "p-55");
    // 30 on-time five-star jobs beat two perfect ones; the pro with no-shows, late arrivals,
    // cancellations and a lost dispute comes last.
    assertThat(order.indexOf("p-17")).isLessThan(order.indexOf("p-22"));
    assertThat(order.get(order.size() - 1)).isEqualTo("p-31");

    CliRun top2 = run("reliability", "rank", "--events", SAMPLE, "--top", "2");
    assertThat(top2.out()).contains(order.get(0), order.get(1)).doesNotContain("p-31");
  }

  @Test
  void badLinesStopTheRunUnlessSkipped() throws IOException {
    Path file =
        file(
            "{\"type\":\"JOB_COMPLETED\",\"pro\":\"p-1\",\"at\":\"2027-03-02T15:00:00-04:00\"}",
            "{\"type\":\"RATED\",\"pro\":\"p-1\",\"at\":\"2027-03-02T15:00:00-04:00\",\"stars\":9}");
    CliRun stopped = run("reliability", "rank", "--events", file.toString());
    assertThat(stopped.status()).isEqualTo(1);
    assertThat(stopped.err()).contains("line 2: stars: must be 1 to 5, was 9", "--skip-bad");
    assertThat(stopped.out()).isEmpty();

    CliRun skipped = run("reliability", "rank", "--events", file.toString(), "--skip-bad");
    assertThat(skipped.status()).isZero();
    assertThat(skipped.err()).contains("line 2:");
    assertThat(skipped.out()).contains("p-1");
  }

  @Test
  void unknownProsMissingFilesAndBadInstantsFailWithAMessage() throws IOException {
    CliRun unknown = run("reliability", "explain", "--events", SAMPLE, "--pro", "p-99");
    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.err()).contains("no events for pro p-99");
    CliRun missing = run("reliability", "rank", "--events", dir.resolve("none.jsonl").toString());
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).startsWith("error: cannot read");
    CliRun badAt = run("reliability", "rank", "--events", SAMPLE, "--at", "yesterday");
    assertThat(badAt.status()).isEqualTo(1);
    assertThat(badAt.err()).contains("--at");
    CliRun help = run("reliability", "explain", "--help");
    assertThat(help.out()).contains("--events", "--pro", "--at", "--json", "--skip-bad");
  }
}
