package dev.oficio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = OficioCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void demoWalksThroughTheStoryAndPrintsABalancedTrialBalance() {
    Run run = run("demo");
    assertThat(run.status()).isZero();
    // $250 job, 12% platform fee = $30, pro payout $220 (transferred at completion). A $50 refund
    // (20%) takes back 20% of each: $6 of the fee and $44 of the transfer. Left: $24 cash, $24
    // revenue; the pro payable is settled to zero.
    assertThat(run.out())
        .contains("platform fee: USD 30.00")
        .contains("pro payout: USD 220.00")
        .containsPattern("accept\\s+→ ACCEPTED\\s+hold of USD 250.00")
        .containsPattern("complete → COMPLETED\\s+captured USD 250.00, platform fee USD 30.00")
        .contains("transferred USD 220.00 to p-17")
        .contains("refunded USD 50.00 to the customer; the pro's transfer is now USD 176.00")
        .contains("Trial balance")
        .containsPattern("CASH_AT_PROVIDER\\s+USD 24.00")
        .containsPattern("PLATFORM_REVENUE\\s+USD 24.00")
        .doesNotContain("PRO_PAYABLE")
        .containsPattern("total USD\\s+balanced");
  }

  @Test
  void demoJsonIsOneObjectWithStepsQuoteAndTrialBalance() {
    Run run = run("demo", "--json");
    assertThat(run.status()).isZero();
    String json = run.out().trim();
    assertThat(json).startsWith("{").endsWith("}");
    assertThat(json.lines()).hasSize(1);
    assertThat(json)
        .contains("\"steps\":[{\"step\":\"quote\"")
        .contains("{\"step\":\"refund\",\"status\":\"COMPLETED\"")
        .contains("\"platformFee\":\"30.00\"")
        .contains("\"scheduleVersion\":1")
        .contains("\"trialBalance\":\"0.00\"")
        .contains("\"CASH_AT_PROVIDER\":\"24.00\"")
        .contains("\"PLATFORM_REVENUE\":\"-24.00\"");
  }

  @Test
  void everyCommandHasHelp() {
    Run root = run("--help");
    assertThat(root.status()).isZero();
    assertThat(root.out()).contains("demo").contains("simulate");
    assertThat(run("simulate", "--help").out()).contains("--fault-rate").contains("--gateway");
    Run demo = run("demo", "--help");
    assertThat(demo.status()).isZero();
    assertThat(demo.out()).contains("Usage: oficio-examples demo");
  }

  @Test
  void unknownCommandsFailWithAMessage() {
    Run run = run("nope");
    assertThat(run.status()).isNotZero();
    assertThat(run.err()).contains("nope");
  }
}
