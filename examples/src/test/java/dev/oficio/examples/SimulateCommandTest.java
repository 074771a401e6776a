package dev.oficio.examples;

import static dev.oficio.examples.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.payments.simulated.SimulatedProfile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

  @Test
  void faultySimulationKeepsEveryInvariantAndPrintsTheContractFields() {
    CliRun run = run("simulate", "--jobs", "300", "--fault-rate", "0.1", "--seed", "7", "--json");
    assertThat(run.status()).as(run.out() + run.err()).isZero();
    assertThat(run.out().trim())
        .startsWith("{\"jobs\":300,\"captured\":\"")
        .contains("\"refunded\":\"")
        .contains("\"doubleCaptures\":0")
        .contains("\"overRefunds\":0")
        .contains("\"ledgerImbalance\":\"0.00\"")
        .contains("\"providerVsLedgerMismatches\":0")
        .contains("\"unresolvedUnknown\":0")
        .containsPattern("\"faultsInjected\":[1-9]");
  }

  @Test
  void athLikeGatewayRunsWithoutHoldsOrTransfers() {
    CliRun run = run("simulate", "--jobs", "200", "--gateway", "ath-like", "--json");
    assertThat(run.status()).as(run.out()).isZero();
    assertThat(run.out()).contains("\"gateway\":\"ath-like\"").contains("\"transferred\":\"0.00\"");
  }

  @Test
  void sameSeedGivesTheSameReport() {
    String first = run("simulate", "--jobs", "150", "--seed", "3", "--json").out();
    String second = run("simulate", "--jobs", "150", "--seed", "3", "--json").out();
    assertThat(first).isEqualTo(second);
  }

  @Test
  void badOptionsAreRejected() {
    assertThat(run("simulate", "--gateway", "paypal").status()).isNotZero();
    assertThat(run("simulate", "--fault-rate", "1.5").status()).isNotZero();
    assertThat(run("simulate", "--jobs", "0").status()).isNotZero();
  }

  @Test
  void aBrokenInvariantFailsTheRun() {
    JobSimulation.Result broken = new JobSimulation(SimulatedProfile.STRIPE_LIKE, 1, 0).run(5);
    assertThat(broken.ok()).isTrue();
    JobSimulation.Result withDoubleCapture =
        new JobSimulation.Result(
            broken.gateway(),
            broken.seed(),
            broken.jobs(),
            broken.captured(),
            broken.refunded(),
            broken.transferred(),
            1,
            0,
            0,
            broken.ledgerImbalance(),
            0,
            0,
            0,
            0,
            0,
            0,
            broken.jobsByStatus());
    assertThat(withDoubleCapture.ok()).isFalse();
    assertThat(withDoubleCapture.toJson())
        .contains("\"doubleCaptures\":1")
        .contains("\"invariantsHold\":false");
  }

  @Test
  void runsOnAnEmbeddedDatabaseWithSeveralThreadsAndKeepsTheInvariants(@TempDir Path dir) {
    CliRun run =
        run(
            "simulate",
            "--jobs",
            "60",
            "--fault-rate",
            "0.2",
            "--seed",
            "11",
            "--threads",
            "3",
            "--db",
            "jdbc:h2:file:" + dir,
            "--json");
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("\"jobs\":60")
        .contains("\"doubleCaptures\":0")
        .contains("\"overRefunds\":0")
        .contains("\"ledgerImbalance\":\"0.00\"")
        .contains("\"providerVsLedgerMismatches\":0")
        .contains("\"unresolvedUnknown\":0")
        .contains("\"invariantsHold\":true");
    assertThat(dir.resolve("oficio.mv.db")).exists();
  }

  @Test
  void rejectsAnUnreasonableThreadCount() {
    assertThat(run("simulate", "--threads", "0").status()).isNotZero();
    assertThat(run("simulate", "--threads", "65").status()).isNotZero();
  }
}
