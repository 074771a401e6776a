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
  void demoPrintsABalancedTrialBalance() {
    Run run = run("demo");
    assertThat(run.status()).isZero();
    // $250 job, 12% platform fee = $30, pro is owed $220; card fee 2.9% + 0.30 = $7.55.
    assertThat(run.out())
        .contains("Trial balance")
        .containsPattern("PLATFORM_REVENUE\\s+USD 30.00")
        .containsPattern("PRO_PAYABLE/p-17\\s+USD 220.00")
        .containsPattern("PROCESSOR_FEES\\s+USD 7.55")
        .containsPattern("total USD\\s+balanced");
  }

  @Test
  void everyCommandHasHelp() {
    Run root = run("--help");
    assertThat(root.status()).isZero();
    assertThat(root.out()).contains("demo");
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
