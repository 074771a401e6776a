package dev.oficio.examples;

import static dev.oficio.examples.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void demoWalksThroughTheStoryAndPrintsABalancedTrialBalance() {
    CliRun run = run("demo");
    assertThat(run.status()).isZero();
    // $250 job, 12% platform fee = $30, pro payout $220 (transferred at completion). A $50 refund
    // (20%) takes back 20% of each: $6 of the fee and $44 of the transfer. Left: $24 cash, $24
    // revenue; the job's pro payable is settled to zero.
    // Then three $50 deposits: a customer no-show captures $50 (80% = $40 owed to the pro, $10
    // platform); a pro no-show releases the hold and grants a $10 credit (revenue −$10, promo
    // liability $10); a visit turned job captures $50 held for the job. Cash 24 + 50 + 50 = 124;
    // revenue 24 + 10 − 10 = 24.
    assertThat(run.out())
        .contains("platform fee: USD 30.00")
        .contains("pro payout: USD 220.00")
        .containsPattern("accept\\s+→ ACCEPTED\\s+hold of USD 250.00")
        .containsPattern("complete → COMPLETED\\s+captured USD 250.00, platform fee USD 30.00")
        .contains("transferred USD 220.00 to p-17")
        .contains("refunded USD 50.00 to the customer; the pro's transfer is now USD 176.00")
        .contains("Trial balance")
        .containsPattern("apt-000001 customer not home\\s+→ CUSTOMER_NO_SHOW rule customer-no-show")
        .containsPattern("apt-000002 pro never arrived\\s+→ PRO_NO_SHOW\\s+rule pro-no-show")
        .contains("refunded USD 50.00, credited to job USD 0.00, customer credit USD 10.00")
        .containsPattern("apt-000003 both attended, job booked\\s+→ BOTH_ATTENDED")
        .containsPattern("CASH_AT_PROVIDER\\s+USD 124.00")
        .containsPattern("PLATFORM_REVENUE\\s+USD 24.00")
        .containsPattern("PRO_PAYABLE/p-17\\s+USD 40.00")
        .containsPattern("PROMO_CREDIT_LIABILITY\\s+USD 10.00")
        .containsPattern("CUSTOMER_FUNDS_HELD\\s+USD 50.00")
        .containsPattern("total USD\\s+balanced");
  }

  @Test
  void demoJsonIsOneObjectWithStepsQuoteAndTrialBalance() {
    CliRun run = run("demo", "--json");
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
        .contains("\"CASH_AT_PROVIDER\":\"124.00\"")
        .contains("\"PLATFORM_REVENUE\":\"-24.00\"")
        .contains("\"party\":\"CUSTOMER_NO_SHOW\",\"rule\":\"customer-no-show\"")
        .contains("\"party\":\"PRO_NO_SHOW\",\"rule\":\"pro-no-show.no-check-in\"")
        .contains("\"party\":\"BOTH_ATTENDED\",\"rule\":\"both-attended\"")
        .contains("\"proShare\":\"40.00\",\"platformShare\":\"10.00\"")
        .contains("\"refund\":\"50.00\",\"applied\":\"0.00\",\"customerCredit\":\"10.00\"");
  }

  @Test
  void everyCommandHasHelp() {
    CliRun root = run("--help");
    assertThat(root.status()).isZero();
    assertThat(root.out()).contains("demo").contains("simulate");
    assertThat(run("simulate", "--help").out()).contains("--fault-rate").contains("--gateway");
    CliRun demo = run("demo", "--help");
    assertThat(demo.status()).isZero();
    assertThat(demo.out()).contains("Usage: oficio-examples demo");
  }

  @Test
  void unknownCommandsFailWithAMessage() {
    CliRun run = run("nope");
    assertThat(run.status()).isNotZero();
    assertThat(run.err()).contains("nope");
  }
}
