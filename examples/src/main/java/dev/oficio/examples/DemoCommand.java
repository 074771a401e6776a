package dev.oficio.examples;

import dev.oficio.Oficio;
import dev.oficio.jdbc.OficioJdbc;
import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.ledger.TrialBalance;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.Rate;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The end-to-end marketplace scenario on the embedded defaults. For now it moves the money of one
 * completed job through the ledger and prints the trial balance; the jobs, payments and deposits
 * issues grow it into the full story.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs the example marketplace scenario and prints the ledger's trial balance.")
final class DemoCommand implements Callable<Integer> {
  private static final Currency USD = Currency.getInstance("USD");

  @Spec CommandSpec spec;

  @Option(names = "--db", paramLabel = "URL", description = ExampleDatabase.OPTION_HELP)
  String db;

  @Override
  public Integer call() {
    try (OficioJdbc jdbc = ExampleDatabase.openFresh(db, "oficio_demo")) {
      return run(jdbc);
    }
  }

  private int run(OficioJdbc jdbc) {
    PrintWriter out = spec.commandLine().getOut();
    Instant start = Instant.parse("2027-03-02T13:00:00Z");
    Oficio oficio =
        jdbc.configure(Oficio.builder())
            .clock(Clock.fixed(start, ZoneOffset.UTC))
            .ids(IdGenerator.sequential())
            .build();
    out.println("Database: " + jdbc.databaseName() + ", schema " + jdbc.schema());

    ProId pro = ProId.of("p-17");
    Money gross = Money.of("250.00", USD);
    Money platformFee = gross.multiply(Rate.parse("12"), RoundingMode.HALF_UP);
    Money processorFee =
        gross.multiply(Rate.parse("2.9"), RoundingMode.HALF_UP).plus(Money.of("0.30", USD));

    out.println("Oficio demo: Lcdo. Rivera (p-17) rewires a kitchen in Bayamón for " + gross);
    out.println("  platform fee 12%: " + platformFee);
    out.println("  card processing 2.9% + 0.30: " + processorFee + ", borne by the platform");
    oficio
        .ledger()
        .record(
            JournalEntry.builder("charge:demo-job-1", oficio.clock().instant(), "customer paid")
                .debit(Account.of(AccountType.CASH_AT_PROVIDER), gross.minus(processorFee))
                .debit(Account.of(AccountType.PROCESSOR_FEES), processorFee)
                .credit(Account.of(AccountType.CUSTOMER_FUNDS_HELD), gross)
                .build());
    oficio
        .ledger()
        .record(
            JournalEntry.builder("complete:demo-job-1", oficio.clock().instant(), "job completed")
                .debit(Account.of(AccountType.CUSTOMER_FUNDS_HELD), gross)
                .credit(Account.of(AccountType.PLATFORM_REVENUE), platformFee)
                .credit(Account.proPayable(pro), gross.minus(platformFee))
                .build());
    TrialBalance trial = oficio.ledger().trialBalance();
    out.println();
    out.println("Trial balance");
    out.print(trial.toText());
    out.flush();
    return trial.isBalanced() ? 0 : 2;
  }
}
