package dev.oficio.examples;

import dev.oficio.jdbc.OficioJdbc;
import dev.oficio.payments.simulated.SimulatedProfile;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: random job lifecycles against the simulated gateway with seeded faults, then
 * the money invariants computed from the provider's own books and the ledger. Exit status 1 when an
 * invariant is broken.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Runs random job lifecycles (accept, complete, cancel, refund, dispute) against the"
            + " simulated gateway with faults, settles them with the janitor and checks the money"
            + " invariants. Exits 1 if any is broken.")
final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--jobs",
      defaultValue = "1000",
      description = "Job lifecycles to run (default ${DEFAULT-VALUE}).")
  int jobs;

  @Option(
      names = "--fault-rate",
      defaultValue = "0.1",
      description =
          "Share of provider calls and webhooks that fail, 0 to 1 (default ${DEFAULT-VALUE}).")
  BigDecimal faultRate;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--gateway",
      defaultValue = "stripe-like",
      description = "Capability profile: stripe-like or ath-like (default ${DEFAULT-VALUE}).")
  String gateway;

  @Option(names = "--json", description = "Print the invariants as one JSON object.")
  boolean json;

  @Option(
      names = "--db",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "URL",
      description =
          "Run on a database instead of in memory: jdbc:postgresql://host:port/db or"
              + " jdbc:h2:file:DIR; without a URL, the embedded H2 under ./oficio-data. Tables go"
              + " to schema oficio_simulate, emptied at each run.")
  String db;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description =
          "Job lifecycles run at once (default ${DEFAULT-VALUE}); with more than one the"
              + " interleaving, and so the faults each call meets, varies between runs.")
  int threads;

  @Override
  public Integer call() {
    if (jobs < 1 || jobs > 1_000_000) {
      throw new ParameterException(spec.commandLine(), "--jobs must be between 1 and 1000000");
    }
    if (faultRate.signum() < 0 || faultRate.compareTo(BigDecimal.ONE) > 0) {
      throw new ParameterException(spec.commandLine(), "--fault-rate must be between 0 and 1");
    }
    if (threads < 1 || threads > 64) {
      throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 64");
    }
    SimulatedProfile profile;
    try {
      profile = SimulatedProfile.fromCliName(gateway);
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "--gateway must be stripe-like or ath-like");
    }
    // Thousands of janitor re-sends are expected here; keep the console to warnings unless the
    // user asked for more (slf4j-simple reads this when the first logger is created).
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int ppm = faultRate.movePointRight(6).intValue();
    JobSimulation.Result result;
    if (db == null) {
      result = new JobSimulation(profile, seed, ppm, null, threads).run(jobs);
    } else {
      try (OficioJdbc jdbc = ExampleDatabase.openFresh(db, "oficio_simulate")) {
        result = new JobSimulation(profile, seed, ppm, jdbc, threads).run(jobs);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(result.toJson());
    } else {
      out.printf(
          "Simulated %d jobs on the %s gateway (seed %d, fault rate %s)%n",
          result.jobs(), result.gateway(), seed, faultRate.toPlainString());
      out.printf(
          "  captured %s, refunded %s, transferred to pros %s%n",
          result.captured(), result.refunded(), result.transferred());
      out.printf(
          "  faults injected %d, webhooks delivered %d, commands refused %d%n",
          result.faultsInjected(), result.webhooksDelivered(), result.commandsRefused());
      out.printf("  jobs by status %s%n", result.jobsByStatus());
      out.printf(
          "  doubleCaptures %d, overRefunds %d, overTransfers %d%n",
          result.doubleCaptures(), result.overRefunds(), result.overTransfers());
      out.printf(
          "  ledgerImbalance %s, providerVsLedgerMismatches %d, unresolvedUnknown %d, escalatedToOperator %d%n",
          result.ledgerImbalance().toDecimal().toPlainString(),
          result.providerVsLedgerMismatches(),
          result.unresolvedUnknown(),
          result.escalatedToOperator());
      out.println(result.ok() ? "invariants hold" : "INVARIANTS BROKEN");
    }
    out.flush();
    return result.ok() ? 0 : 1;
  }
}
