package dev.oficio.examples;

import dev.oficio.Oficio;
import dev.oficio.deposits.DepositSettlement;
import dev.oficio.fees.FeeQuote;
import dev.oficio.jdbc.OficioJdbc;
import dev.oficio.jobs.Job;
import dev.oficio.jobs.QuoteJob;
import dev.oficio.ledger.TrialBalance;
import dev.oficio.payments.OnboardingStatus;
import dev.oficio.payments.Payment;
import dev.oficio.payments.PaymentTransaction;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The end-to-end marketplace story on the embedded defaults (simulated Stripe-like gateway,
 * in-memory stores): quote a job (fee quote frozen), accept it with a hold, complete it (capture,
 * platform fee, transfer to the pro), refund part of it (fees reversed in proportion), and print
 * each step, the fee quote and the ledger's trial balance.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Runs the example marketplace story (quote → accept with hold → complete with fee →"
            + " partial refund) and prints the steps, the fee quote and the ledger's trial balance.")
final class DemoCommand implements Callable<Integer> {
  private static final Currency USD = Currency.getInstance("USD");

  @Spec CommandSpec spec;

  @Option(names = "--db", paramLabel = "URL", description = ExampleDatabase.OPTION_HELP)
  String db;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Option(
      names = "--gateway",
      paramLabel = "simulated|stripe",
      description = "Payment gateway: ${COMPLETION-CANDIDATES} (default: simulated).")
  Gateways.Kind gateway = Gateways.Kind.SIMULATED;

  @Option(
      names = "--stripe-key",
      paramLabel = "sk_test_…",
      description = "Stripe test-mode secret key, with --gateway stripe.")
  String stripeKey;

  @Option(
      names = "--stripe-api-base",
      paramLabel = "URL",
      description = "Stripe API base URL (a proxy or local mock), with --gateway stripe.")
  String stripeApiBase;

  private record Step(String name, String status, String detail) {}

  @Override
  public Integer call() {
    try (OficioJdbc jdbc = ExampleDatabase.openFresh(db, "oficio_demo")) {
      return run(jdbc);
    }
  }

  private int run(OficioJdbc jdbc) {
    PrintWriter out = spec.commandLine().getOut();
    JobSimulation.SimulationClock clock =
        new JobSimulation.SimulationClock(Instant.parse("2027-03-02T13:00:00Z"));
    Gateways.Choice choice = Gateways.fromOptions(gateway, stripeKey, stripeApiBase);
    Oficio.Builder builder =
        jdbc.configure(Oficio.builder()).clock(clock).ids(IdGenerator.sequential());
    choice.gateway().ifPresent(builder::paymentGateway);
    Oficio oficio = builder.build();
    if (!json) {
      out.println("Payment gateway: " + choice.description());
    }
    ProId pro = ProId.of("p-17");
    oficio.payees().register(pro, oficio.paymentGateway().provider(), "acct_rivera");
    oficio.payees().update(pro, OnboardingStatus.COMPLETE, true, List.of());

    List<Step> steps = new ArrayList<>();
    Job job =
        oficio
            .jobs()
            .quote(
                new QuoteJob(
                    CustomerId.of("c-ana"),
                    pro,
                    Money.of("250.00", USD),
                    clock.instant().plus(Duration.ofDays(2)),
                    "pm_card_visa",
                    "electrical",
                    null));
    FeeQuote quote = job.quote();
    steps.add(
        new Step("quote", job.status().name(), "kitchen rewiring in Bayamón, " + quote.gross()));

    job = oficio.jobs().accept(job.id());
    Payment payment = oficio.payments().get(job.payment().orElseThrow());
    PaymentTransaction hold = payment.transactions().get(0);
    steps.add(
        new Step(
            "accept",
            job.status().name(),
            "hold of "
                + hold.amount()
                + " ("
                + hold.providerReference()
                + "), capture before "
                + hold.captureBefore()));

    clock.advance(Duration.ofDays(2));
    oficio.jobs().start(job.id());
    clock.advance(Duration.ofHours(5));
    job = oficio.jobs().complete(job.id());
    payment = oficio.payments().get(job.payment().orElseThrow());
    steps.add(
        new Step(
            "complete",
            job.status().name(),
            "captured "
                + payment.taken()
                + ", platform fee "
                + job.platformShare()
                + ", transferred "
                + payment.transferredNet()
                + " to "
                + pro));

    clock.advance(Duration.ofDays(1));
    job = oficio.jobs().refund(job.id(), "1", Money.of("50.00", USD));
    payment = oficio.payments().get(job.payment().orElseThrow());
    steps.add(
        new Step(
            "refund",
            job.status().name(),
            "refunded "
                + payment.refunded()
                + " to the customer; the pro's transfer is now "
                + payment.transferredNet()));

    List<DepositStory.Adjudicated> visits = DepositStory.run(oficio, clock::advance);

    TrialBalance trial = oficio.ledger().trialBalance();
    Money total = trial.totals().getOrDefault("USD", Money.zero(USD));
    if (json) {
      out.println(toJson(steps, quote, visits, trial, total));
    } else {
      out.println(
          "Oficio demo: Lcdo. Rivera (p-17) rewires a kitchen in Bayamón for " + quote.gross());
      out.println("  database: " + jdbc.databaseName() + ", schema " + jdbc.schema());
      out.println();
      out.println(
          "Fee quote (schedule " + quote.scheduleId() + " v" + quote.scheduleVersion() + ")");
      out.println("  gross: " + quote.gross());
      out.println("  platform fee: " + quote.platformFee());
      out.println("  pro payout: " + quote.proPayout());
      out.println("  customer total: " + quote.customerTotal());
      out.println();
      out.println("Steps");
      for (Step s : steps) {
        out.printf("  %-8s → %-10s %s%n", s.name(), s.status(), s.detail());
      }
      out.println();
      out.println("Estimate visits with a deposit (no-show playbook)");
      for (DepositStory.Adjudicated v : visits) {
        out.printf(
            "  %-10s %-26s → %-16s rule %s%n",
            v.appointment(), v.story(), v.decision().party(), v.decision().rule());
        out.println("             " + money(v.money()));
      }
      out.println();
      out.println("Trial balance");
      out.print(trial.toText());
    }
    out.flush();
    return trial.isBalanced() ? 0 : 2;
  }

  private static String money(DepositSettlement m) {
    return "pro "
        + m.proShare()
        + ", platform "
        + m.platformShare()
        + ", refunded "
        + m.refund()
        + ", credited to job "
        + m.applied()
        + ", customer credit "
        + m.customerCredit();
  }

  private static String toJson(
      List<Step> steps,
      FeeQuote quote,
      List<DepositStory.Adjudicated> visits,
      TrialBalance trial,
      Money total) {
    ObjectNode root = ExampleJson.object();
    ArrayNode stepsJson = root.putArray("steps");
    for (Step step : steps) {
      stepsJson
          .addObject()
          .put("step", step.name())
          .put("status", step.status())
          .put("detail", step.detail());
    }
    root.putObject("quote")
        .put("scheduleId", quote.scheduleId())
        .put("scheduleVersion", quote.scheduleVersion())
        .put("gross", ExampleJson.decimal(quote.gross()))
        .put("platformFee", ExampleJson.decimal(quote.platformFee()))
        .put("proPayout", ExampleJson.decimal(quote.proPayout()))
        .put("customerTotal", ExampleJson.decimal(quote.customerTotal()));
    ArrayNode adjudications = root.putArray("adjudications");
    for (DepositStory.Adjudicated v : visits) {
      ObjectNode visit =
          adjudications
              .addObject()
              .put("appointment", v.appointment())
              .put("story", v.story())
              .put("party", v.decision().party().name())
              .put("rule", v.decision().rule())
              .put("explanation", v.decision().explanation());
      visit.set("money", ExampleJson.settlement(v.money()));
    }
    root.put("trialBalance", ExampleJson.decimal(total));
    ObjectNode accounts = root.putObject("accounts");
    for (TrialBalance.Line line : trial.lines()) {
      accounts.put(line.account().toString(), ExampleJson.decimal(line.balance()));
    }
    root.put("balanced", trial.isBalanced());
    return ExampleJson.write(root);
  }
}
