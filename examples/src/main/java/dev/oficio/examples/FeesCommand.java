package dev.oficio.examples;

import dev.oficio.fees.FeeMatch;
import dev.oficio.fees.FeeQuery;
import dev.oficio.fees.FeeQuote;
import dev.oficio.fees.FeeResolver;
import dev.oficio.fees.FeeRule;
import dev.oficio.fees.FeeSchedule;
import dev.oficio.jackson.FeeQuoteJson;
import dev.oficio.jackson.FeeScheduleJson;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fees quote|table|chart}: look at a fee schedule file before publishing it. Every
 * subcommand reads the schedule with {@link FeeScheduleJson}; a malformed schedule (or a malformed
 * argument) prints each validation error and exits with status 2.
 */
@Command(
    name = "fees",
    mixinStandardHelpOptions = true,
    description = "Quotes, tabulates and charts a fee schedule (see docs/fees.md).",
    subcommands = {FeesCommand.Quote.class, FeesCommand.Table.class, FeesCommand.Chart.class})
final class FeesCommand implements Runnable {
  /** Exit status for a malformed schedule or argument. */
  static final int INVALID = 2;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options and helpers shared by the subcommands. */
  abstract static class ScheduleCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--schedule",
        required = true,
        paramLabel = "FILE",
        description = "Fee schedule JSON file.")
    Path schedule;

    @Option(
        names = "--at",
        paramLabel = "TIME",
        description =
            "Instant to quote at, e.g. 2027-02-01T10:00:00-04:00 (default: the schedule's effectiveFrom).")
    String at;

    @Override
    public final Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        FeeSchedule loaded = FeeScheduleJson.read(schedule);
        int status = run(loaded, out);
        out.flush();
        return status;
      } catch (ValidationException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("invalid input (" + e.violations().size() + " error(s)):");
        e.violations().forEach(v -> err.println("  " + v.field() + ": " + v.message()));
        err.flush();
        return INVALID;
      }
    }

    abstract int run(FeeSchedule schedule, PrintWriter out);

    Instant instant(FeeSchedule schedule) {
      if (at == null) {
        return schedule.effectiveFrom();
      }
      try {
        return OffsetDateTime.parse(at).toInstant();
      } catch (DateTimeParseException e) {
        throw ValidationException.of(
            "--at", "'" + at + "' is not a date-time with offset, e.g. 2027-02-01T10:00:00-04:00");
      }
    }

    static Money money(String option, String text, FeeSchedule schedule) {
      try {
        return Money.of(text, schedule.currency());
      } catch (ValidationException e) {
        throw ValidationException.of(option, e.violations().get(0).message());
      }
    }
  }

  @Command(
      name = "quote",
      mixinStandardHelpOptions = true,
      description = "Prints the fees of one job; --json for one JSON object.")
  static final class Quote extends ScheduleCommand {
    @Option(names = "--amount", required = true, description = "Job gross amount, e.g. 750.00.")
    String amount;

    @Option(names = "--plan", paramLabel = "P", description = "The pro's plan.")
    String plan;

    @Option(names = "--category", paramLabel = "C", description = "The job's service category.")
    String category;

    @Option(names = "--pro", paramLabel = "ID", description = "The pro's id.")
    String pro;

    @Option(
        names = "--prior-volume",
        paramLabel = "AMOUNT",
        description = "The pro's volume billed before this job (PRO_VOLUME rules).")
    String priorVolume;

    @Option(names = "--json", description = "Print one JSON object with decimal strings.")
    boolean json;

    @Override
    int run(FeeSchedule schedule, PrintWriter out) {
      FeeQuery query = FeeQuery.of(money("--amount", amount, schedule), instant(schedule));
      if (plan != null) {
        query = query.withPlan(plan);
      }
      if (category != null) {
        query = query.withCategory(category);
      }
      if (pro != null) {
        query = query.withPro(ProId.of(pro));
      }
      if (priorVolume != null) {
        query = query.withPriorVolume(money("--prior-volume", priorVolume, schedule));
      }
      FeeQuote quote = FeeResolver.of(schedule).quote(query);
      if (json) {
        out.print(FeeQuoteJson.write(quote));
        return 0;
      }
      String currency = schedule.currency().getCurrencyCode();
      out.printf(Locale.ROOT, "gross                %s %s%n", currency, plain(quote.gross()));
      out.printf(
          Locale.ROOT,
          "platform fee         %s %s  (rule %s)%n",
          currency,
          plain(quote.platformFee()),
          quote.rule());
      out.printf(Locale.ROOT, "tax on fee           %s %s%n", currency, plain(quote.taxOnFee()));
      out.printf(
          Locale.ROOT, "customer service fee %s %s%n", currency, plain(quote.customerServiceFee()));
      out.printf(
          Locale.ROOT,
          "processor fee        %s %s  (borne by %s)%n",
          currency,
          plain(quote.processorFee()),
          quote.processorFeePayer());
      out.printf(Locale.ROOT, "pro payout           %s %s%n", currency, plain(quote.proPayout()));
      out.printf(
          Locale.ROOT, "customer total       %s %s%n", currency, plain(quote.customerTotal()));
      out.println();
      out.println("explanation");
      quote.explanationLines().forEach(line -> out.println("  " + line));
      return 0;
    }
  }

  @Command(
      name = "table",
      mixinStandardHelpOptions = true,
      description = "Prints fee, effective rate and payout for a range of job amounts.")
  static final class Table extends ScheduleCommand {
    @Option(
        names = "--from",
        defaultValue = "0",
        description = "First amount (default ${DEFAULT-VALUE}).")
    String from;

    @Option(
        names = "--to",
        defaultValue = "20000",
        description = "Last amount (default ${DEFAULT-VALUE}).")
    String to;

    @Option(
        names = "--step",
        defaultValue = "500",
        description = "Step between amounts (default ${DEFAULT-VALUE}).")
    String step;

    @Option(names = "--plan", paramLabel = "P", description = "The pro's plan.")
    String plan;

    @Option(names = "--category", paramLabel = "C", description = "The job's service category.")
    String category;

    @Option(
        names = "--format",
        defaultValue = "text",
        description = "text or csv (default ${DEFAULT-VALUE}).")
    String format;

    @Override
    int run(FeeSchedule schedule, PrintWriter out) {
      if (!format.equals("text") && !format.equals("csv")) {
        throw ValidationException.of("--format", "'" + format + "' must be text or csv");
      }
      List<Money> amounts = amounts(schedule);
      Instant when = instant(schedule);
      boolean csv = format.equals("csv");
      out.println(
          csv
              ? "amount,rule,fee,effectiveRatePercent,payout"
              : String.format(
                  Locale.ROOT,
                  "%12s  %-16s %10s %8s %12s",
                  "amount",
                  "rule",
                  "fee",
                  "rate",
                  "payout"));
      for (Money amount : amounts) {
        FeeQuery query = FeeQuery.of(amount, when);
        if (plan != null) {
          query = query.withPlan(plan);
        }
        if (category != null) {
          query = query.withCategory(category);
        }
        FeeQuote quote = FeeResolver.of(schedule).quote(query);
        String rate = amount.isZero() ? "" : quote.effectiveRatePercent(2).toPlainString();
        if (csv) {
          out.println(
              String.join(
                  ",",
                  plain(amount),
                  quote.rule(),
                  plain(quote.platformFee()),
                  rate,
                  plain(quote.proPayout())));
        } else {
          out.printf(
              Locale.ROOT,
              "%12s  %-16s %10s %8s %12s%n",
              plain(amount),
              quote.rule(),
              plain(quote.platformFee()),
              rate.isEmpty() ? "-" : rate + "%",
              plain(quote.proPayout()));
        }
      }
      return 0;
    }

    private List<Money> amounts(FeeSchedule schedule) {
      Money first = money("--from", from, schedule);
      Money last = money("--to", to, schedule);
      Money increment = money("--step", step, schedule);
      if (!increment.isPositive()) {
        throw ValidationException.of("--step", "must be positive");
      }
      if (first.isNegative() || last.isLessThan(first)) {
        throw ValidationException.of("--to", "must be at least --from, and --from at least 0");
      }
      long rows = (last.minorUnits() - first.minorUnits()) / increment.minorUnits() + 1;
      if (rows > 100_000) {
        throw ValidationException.of("--step", "would print " + rows + " rows; use a larger step");
      }
      List<Money> amounts = new ArrayList<>();
      for (Money amount = first; !amount.isGreaterThan(last); amount = amount.plus(increment)) {
        amounts.add(amount);
      }
      return amounts;
    }
  }

  @Command(
      name = "chart",
      mixinStandardHelpOptions = true,
      description =
          "Draws the effective rate against the job amount, for the default rule and each plan, as SVG.")
  static final class Chart extends ScheduleCommand {
    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "SVG file to write.")
    Path out;

    @Option(
        names = "--to",
        defaultValue = "20000",
        description = "Largest job amount (default ${DEFAULT-VALUE}).")
    String to;

    @Option(
        names = "--points",
        defaultValue = "200",
        description = "Points per curve (default ${DEFAULT-VALUE}).")
    int points;

    @Override
    int run(FeeSchedule schedule, PrintWriter printer) {
      Money max = money("--to", to, schedule);
      if (!max.isPositive()) {
        throw ValidationException.of("--to", "must be positive");
      }
      if (points < 2 || points > 10_000) {
        throw ValidationException.of("--points", "must be between 2 and 10000");
      }
      Instant when = instant(schedule);
      TreeSet<String> plans = new TreeSet<>();
      for (FeeRule rule : schedule.rules()) {
        FeeMatch match = rule.match();
        if (match.plan() != null) {
          plans.add(match.plan());
        }
      }
      List<RateChart.Series> series = new ArrayList<>();
      series.add(curve("default", null, schedule, max, when));
      for (String plan : plans) {
        series.add(curve("plan " + plan, plan, schedule, max, when));
      }
      String svg =
          RateChart.svg(
              "Effective platform fee rate, schedule " + schedule.id() + " v" + schedule.version(),
              schedule.currency().getCurrencyCode(),
              series);
      try {
        Files.writeString(out, svg, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("cannot write " + out + ": " + e.getMessage(), e);
      }
      printer.println(
          "wrote " + out + " (" + series.size() + " curves, " + points + " points each)");
      return 0;
    }

    private RateChart.Series curve(
        String label, String plan, FeeSchedule schedule, Money max, Instant when) {
      List<BigDecimal[]> xy = new ArrayList<>();
      for (int i = 1; i <= points; i++) {
        long minor = Math.max(1, max.minorUnits() * i / points);
        Money amount = Money.ofMinor(minor, schedule.currency());
        FeeQuery query = FeeQuery.of(amount, when);
        if (plan != null) {
          query = query.withPlan(plan);
        }
        FeeQuote quote = FeeResolver.of(schedule).quote(query);
        xy.add(new BigDecimal[] {amount.toDecimal(), quote.effectiveRatePercent(4)});
      }
      return new RateChart.Series(label, xy);
    }
  }

  static String plain(Money money) {
    return money.toDecimal().toPlainString();
  }
}
