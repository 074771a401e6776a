package dev.oficio.examples;

import static dev.oficio.examples.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DepositsCommandTest {
  // Tests run with the examples module as working directory.
  private static final String POLICY = "policies/deposit-policy.json";

  @Test
  void decidesTheDocumentedCustomerNoShowCase() {
    CliRun run =
        run(
            "deposits",
            "playbook",
            "--policy",
            POLICY,
            "--case",
            "policies/cases/customer-no-show.json",
            "--json");
    assertThat(run.status()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(run.out());
    assertThat(json.get("party").stringValue()).isEqualTo("CUSTOMER_NO_SHOW");
    assertThat(json.get("rule").stringValue()).isEqualTo("customer-no-show");
    // 80% of the $50.00 deposit to the pro, the rest to the platform.
    assertThat(json.get("settlement").get("proShare").stringValue()).isEqualTo("40.00");
    assertThat(json.get("settlement").get("platformShare").stringValue()).isEqualTo("10.00");
  }

  @Test
  void explainsALateProInPlainText() {
    CliRun run =
        run("deposits", "playbook", "--policy", POLICY, "--case", "policies/cases/pro-late.json");
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("PRO_NO_SHOW")
        .contains("pro-no-show.late-arrival")
        .contains("42 minutes late")
        .contains("refund USD 40.00");
  }

  @Test
  void sendsThinEvidenceToReview() {
    CliRun run =
        run(
            "deposits",
            "playbook",
            "--policy",
            POLICY,
            "--case",
            "policies/cases/missing-evidence.json",
            "--json");
    JsonNode json = JsonMapper.builder().build().readTree(run.out());
    assertThat(json.get("party").stringValue()).isEqualTo("NEEDS_REVIEW");
    assertThat(json.get("settlement").isNull()).isTrue();
    // Thursday 16:40 + 8 business hours = Friday 15:40 Puerto Rico = 19:40 UTC.
    assertThat(json.get("reviewDeadline").stringValue()).isEqualTo("2027-03-05T19:40:00Z");
  }

  @Test
  void anInvalidPolicyExitsWithStatusTwoAndNamesThePath(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"currency\":\"USD\",\"geofenceMeters\":\"far\"}");
    CliRun run =
        run(
            "deposits",
            "playbook",
            "--policy",
            bad.toString(),
            "--case",
            "policies/cases/pro-late.json");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("$.geofenceMeters");
  }
}
