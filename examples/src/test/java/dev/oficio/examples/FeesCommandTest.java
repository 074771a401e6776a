package dev.oficio.examples;

import static dev.oficio.examples.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.fees.FeeSchedule;
import dev.oficio.jackson.FeeScheduleJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FeesCommandTest {
  /** The shipped starting schedule; the examples module's tests run from the module folder. */
  private static final Path DEFAULT_SCHEDULE = Path.of("schedules/default.json");

  @TempDir Path dir;

  private static String schedule() {
    return DEFAULT_SCHEDULE.toString();
  }

  @Test
  void theShippedScheduleIsValidAndCanonical() throws IOException {
    String text = Files.readString(DEFAULT_SCHEDULE, StandardCharsets.UTF_8);
    FeeSchedule schedule = FeeScheduleJson.read(text);
    assertThat(schedule.id()).isEqualTo("oficio-default");
    assertThat(FeeScheduleJson.write(schedule)).isEqualTo(text);
  }

  @Test
  void quotePrintsTheFeesAndTheExplanation() {
    CliRun run = run("fees", "quote", "--schedule", schedule(), "--amount", "750.00");
    assertThat(run.status()).isZero();
    // 750 × 7.5% = 56.25; card 750 × 2.9% + 0.30 = 22.05 borne by the platform.
    assertThat(run.out())
        .containsPattern("platform fee\\s+USD 56.25\\s+\\(rule default\\)")
        .containsPattern("processor fee\\s+USD 22.05\\s+\\(borne by PLATFORM\\)")
        .containsPattern("pro payout\\s+USD 693.75")
        .contains("tier 1 (0.00, 2500.00]: 750.00 × 7.5% = 56.25");
  }

  @Test
  void quoteJsonIsOneObjectWithDecimalStrings() {
    CliRun run =
        run(
            "fees",
            "quote",
            "--schedule",
            schedule(),
            "--amount",
            "12000.00",
            "--at",
            "2027-02-01T10:00:00-04:00",
            "--json");
    assertThat(run.status()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(run.out());
    // 2,500 × 7.5% = 187.50; 7,500 × 4.5% = 337.50; 2,000 × 1.5% = 30.00 → 555.00.
    assertThat(json.get("gross").stringValue()).isEqualTo("12000.00");
    assertThat(json.get("platformFee").stringValue()).isEqualTo("555.00");
    // 12,000 × 2.9% = 348.00 + 0.30.
    assertThat(json.get("processorFee").stringValue()).isEqualTo("348.30");
    assertThat(json.get("taxOnFee").stringValue()).isEqualTo("0.00");
    assertThat(json.get("customerServiceFee").stringValue()).isEqualTo("0.00");
    assertThat(json.get("proPayout").stringValue()).isEqualTo("11445.00");
    assertThat(json.get("customerTotal").stringValue()).isEqualTo("12000.00");
    assertThat(json.get("rule").stringValue()).isEqualTo("default");
    assertThat(json.get("scheduleVersion").stringValue()).isEqualTo("1");
    assertThat(json.get("explanation").get("platformFee").get("slices").size()).isEqualTo(3);
  }

  @Test
  void quoteUsesThePlanRule() {
    CliRun run =
        run(
            "fees",
            "quote",
            "--schedule",
            schedule(),
            "--amount",
            "750.00",
            "--plan",
            "PRO",
            "--json");
    JsonNode json = JsonMapper.builder().build().readTree(run.out());
    // Flat 5% of 750 = 37.50.
    assertThat(json.get("rule").stringValue()).isEqualTo("pro-plan");
    assertThat(json.get("platformFee").stringValue()).isEqualTo("37.50");
  }

  @Test
  void quoteTakesThePriorVolumeForVolumeRules() throws IOException {
    Path file = dir.resolve("volume.json");
    Files.writeString(
        file,
        """
        { "id": "volume", "version": 1, "currency": "USD",
          "effectiveFrom": "2027-01-01T00:00:00-04:00",
          "rules": [ { "name": "default", "match": {}, "method": "MARGINAL", "basis": "PRO_VOLUME",
                       "tiers": [ {"upTo": "1000.00", "percent": "10"}, {"percent": "5"} ] } ] }
        """);
    CliRun run =
        run(
            "fees",
            "quote",
            "--schedule",
            file.toString(),
            "--amount",
            "750.00",
            "--prior-volume",
            "400.00",
            "--json");
    assertThat(run.status()).isZero();
    // 400 → 1,150: 600 × 10% = 60.00 + 150 × 5% = 7.50.
    assertThat(JsonMapper.builder().build().readTree(run.out()).get("platformFee").stringValue())
        .isEqualTo("67.50");
  }

  @Test
  void tableAsCsvHasFeeRateAndPayoutPerAmount() {
    CliRun run =
        run(
            "fees",
            "table",
            "--schedule",
            schedule(),
            "--from",
            "0",
            "--to",
            "20000",
            "--step",
            "5000",
            "--format",
            "csv");
    assertThat(run.status()).isZero();
    // 0: the 10.00 minimum is capped at the gross 0. 5,000: 187.50 + 112.50 = 300 (6%).
    // 10,000: 187.50 + 337.50 = 525 (5.25%). 15,000: 525 + 75 = 600 (4%).
    // 20,000: 525 + 150 = 675 (3.375% → 3.38).
    assertThat(run.out().lines().toList())
        .containsExactly(
            "amount,rule,fee,effectiveRatePercent,payout",
            "0.00,default,0.00,,0.00",
            "5000.00,default,300.00,6.00,4700.00",
            "10000.00,default,525.00,5.25,9475.00",
            "15000.00,default,600.00,4.00,14400.00",
            "20000.00,default,675.00,3.38,19325.00");
  }

  @Test
  void tableAsTextForAPlan() {
    CliRun run =
        run(
            "fees",
            "table",
            "--schedule",
            schedule(),
            "--from",
            "50",
            "--to",
            "150",
            "--step",
            "50",
            "--plan",
            "PRO");
    assertThat(run.status()).isZero();
    // Flat 5%, at least 5.00: 50 → 2.50 raised to 5.00 (10%); 100 → 5.00 (5%); 150 → 7.50 (5%).
    assertThat(run.out())
        .containsPattern("50.00\\s+pro-plan\\s+5.00\\s+10.00%\\s+45.00")
        .containsPattern("100.00\\s+pro-plan\\s+5.00\\s+5.00%\\s+95.00")
        .containsPattern("150.00\\s+pro-plan\\s+7.50\\s+5.00%\\s+142.50");
  }

  @Test
  void chartWritesAnSvgWithACurvePerPlan() throws IOException {
    Path svg = dir.resolve("rate.svg");
    CliRun run =
        run("fees", "chart", "--schedule", schedule(), "--out", svg.toString(), "--points", "50");
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("2 curves");
    String text = Files.readString(svg);
    assertThat(text).startsWith("<svg").endsWith("</svg>\n");
    assertThat(text.split("<polyline", -1)).hasSize(3);
    assertThat(text).contains("<title>default</title>").contains("<title>plan PRO</title>");
  }

  @Test
  void malformedScheduleListsTheErrorsAndExitsWithStatus2() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        """
        { "id": "bad", "version": 1, "currency": "USD", "colour": "red",
          "effectiveFrom": "2027-01-01T00:00:00-04:00",
          "rules": [ { "name": "default", "match": {}, "method": "MARGINAL",
                       "tiers": [ {"upTo": "500.00", "percent": "5"},
                                  {"upTo": "100.00", "percent": "4"}, {"percent": 3} ] } ] }
        """);
    String bad = file.toString();
    String svg = dir.resolve("x.svg").toString();
    List<String[]> commands =
        List.of(
            new String[] {"fees", "quote", "--schedule", bad, "--amount", "1.00"},
            new String[] {"fees", "table", "--schedule", bad},
            new String[] {"fees", "chart", "--schedule", bad, "--out", svg});
    for (String[] command : commands) {
      CliRun run = run(command);
      assertThat(run.status()).as(command[1]).isEqualTo(2);
      assertThat(run.err())
          .contains("colour: is not a known field")
          .contains("rules[0].tiers[2].percent: must be a decimal string");
    }
    assertThat(dir.resolve("x.svg")).doesNotExist();
    // With the JSON-level errors fixed, the schedule rules are reported with their paths too.
    Files.writeString(
        file,
        Files.readString(file)
            .replace("\"colour\": \"red\",", "")
            .replace("\"percent\": 3", "\"percent\": \"3\""));
    CliRun run = run("fees", "quote", "--schedule", file.toString(), "--amount", "1.00");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("rules[0].tiers[1].upTo");
  }

  @Test
  void aQuoteBeforeTheScheduleTakesEffectFails() {
    CliRun run =
        run(
            "fees",
            "quote",
            "--schedule",
            schedule(),
            "--amount",
            "1.00",
            "--at",
            "2026-12-31T23:59:59-04:00");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("not found");
  }

  @Test
  void badAmountsAreValidationErrors() {
    CliRun run = run("fees", "quote", "--schedule", schedule(), "--amount", "12.345");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--amount");
  }
}
