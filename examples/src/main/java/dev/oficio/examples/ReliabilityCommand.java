package dev.oficio.examples;

import dev.oficio.jackson.ReliabilityEventsJson;
import dev.oficio.jackson.ReliabilityScoreJson;
import dev.oficio.reliability.ComponentScore;
import dev.oficio.reliability.Ranker;
import dev.oficio.reliability.Ranking;
import dev.oficio.reliability.ReliabilityCounters;
import dev.oficio.reliability.ReliabilityEvent;
import dev.oficio.reliability.ReliabilityModel;
import dev.oficio.reliability.ReliabilityScore;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code reliability explain} and {@code reliability rank}: scores pros from a JSON Lines file of
 * reliability events (see {@link ReliabilityEventsJson}) with the default {@link ReliabilityModel}.
 */
@Command(
    name = "reliability",
    mixinStandardHelpOptions = true,
    description = "Explains and ranks pros' reliability scores from a JSON Lines events file.",
    subcommands = {ReliabilityCommand.Explain.class, ReliabilityCommand.Rank.class})
final class ReliabilityCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Options shared by both subcommands. */
  static final class EventOptions {
    @Option(
        names = "--events",
        required = true,
        paramLabel = "FILE",
        description = "JSON Lines file of reliability events, one per line.")
    Path events;

    @Option(
        names = "--at",
        paramLabel = "INSTANT",
        description =
            "Score as of this ISO-8601 instant (2027-06-30T12:00:00-04:00); events after it are"
                + " ignored. Default: the latest event's time.")
    String at;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(
        names = "--skip-bad",
        description = "Report bad lines and continue without them (default: stop).")
    boolean skipBad;
  }

  /** The scores of every pro in the file at one instant. */
  private record Loaded(Instant at, Map<ProId, ReliabilityScore> scores) {}

  /** Reads and scores the file; null (after reporting) when it has bad lines and no --skip-bad. */
  private static Loaded load(EventOptions options, PrintWriter err) {
    ReliabilityEventsJson.ReadResult read = ReliabilityEventsJson.create().read(options.events);
    for (ReliabilityEventsJson.BadLine bad : read.badLines()) {
      err.println(options.events + ": " + bad);
    }
    if (!read.clean() && !options.skipBad) {
      err.println(
          "error: "
              + read.badLines().size()
              + " bad line(s) in "
              + options.events
              + "; fix them or pass --skip-bad");
      err.flush();
      return null;
    }
    err.flush();
    Instant at =
        options.at != null
            ? parseInstant(options.at)
            : read.events().stream()
                .map(ReliabilityEvent::at)
                .max(Instant::compareTo)
                .orElseThrow(
                    () -> ValidationException.of("events", "the file has no events: pass --at"));
    Map<ProId, List<ReliabilityEvent>> byPro = new HashMap<>();
    for (ReliabilityEvent event : read.events()) {
      if (!event.at().isAfter(at)) {
        byPro.computeIfAbsent(event.pro(), p -> new ArrayList<>()).add(event);
      }
    }
    ReliabilityModel model = ReliabilityModel.defaults();
    Map<ProId, ReliabilityScore> scores = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    byPro.forEach(
        (pro, events) ->
            scores.put(pro, ReliabilityCounters.rebuild(pro, model, events).score(at)));
    return new Loaded(at, scores);
  }

  private static Instant parseInstant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ValidationException.of(
          "--at", "must be an ISO-8601 instant with an offset, was '" + text + "'");
    }
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String f4(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  @Command(
      name = "explain",
      mixinStandardHelpOptions = true,
      description = "Prints one pro's score, tier and every component of it.")
  static final class Explain implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EventOptions options;

    @Option(names = "--pro", required = true, paramLabel = "ID", description = "The pro's id.")
    String pro;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Loaded loaded = load(options, err);
      if (loaded == null) {
        return 1;
      }
      ReliabilityScore score = loaded.scores().get(ProId.of(pro));
      if (score == null) {
        err.println(
            "error: no events for pro " + pro + " in " + options.events + " up to " + loaded.at());
        err.flush();
        return 1;
      }
      if (options.json) {
        out.println(ReliabilityScoreJson.create().write(score));
      } else {
        printText(out, score);
      }
      out.flush();
      return 0;
    }

    private static void printText(PrintWriter out, ReliabilityScore s) {
      out.println("Reliability of " + s.pro() + " at " + s.at());
      out.println(
          "  score "
              + f(s.score())
              + " / 100, tier "
              + s.tier()
              + s.assessedAt().map(a -> " (assessed " + a + ")").orElse(" (not assessed yet)")
              + ", qualifies for "
              + s.qualifiesFor()
              + ", next assessment "
              + s.nextAssessmentAt());
      s.nextTier()
          .ifPresent(
              n ->
                  out.println(
                      "  next tier "
                          + n.tier()
                          + ": score ≥ "
                          + f(n.minScore())
                          + " (gap "
                          + f(n.scoreGap())
                          + "), completed jobs ≥ "
                          + f(n.minCompletedJobs())
                          + " (gap "
                          + f(n.completedJobsGap())
                          + ")"));
      out.println(
          "  completed jobs "
              + f(s.completedJobs())
              + " (decayed), strikes "
              + f(s.strikes())
              + (s.suspended() ? ", SUSPENDED" : ", not suspended"));
      out.println(
          String.format(
              Locale.ROOT,
              "  %-15s %5s %8s %7s %7s %7s %7s %6s %6s %9s %7s  %s",
              "component",
              "count",
              "decayed",
              "rate",
              "prior",
              "value",
              "lower",
              "weight",
              "points",
              "next",
              "gap",
              "reasons"));
      for (ComponentScore c : s.components().values()) {
        out.println(
            String.format(
                Locale.ROOT,
                "  %-15s %5d %8.2f %7.4f %7.4f %7.4f %7.4f %6.1f %6.2f %9s %7s  %s",
                c.component().jsonName(),
                c.count(),
                c.decayedCount(),
                c.rate(),
                c.prior(),
                c.value(),
                c.lowerBound(),
                c.weight(),
                c.contribution(),
                c.nextTier().map(t -> t.tier() + "≥" + f(t.threshold())).orElse("-"),
                c.nextTier().map(t -> f4(t.gap())).orElse("-"),
                c.reasonCodes().stream().map(Enum::name).collect(Collectors.joining(","))));
      }
      if (!s.exclusions().isEmpty()) {
        out.println(
            "  excluded (not caused by the pro): "
                + s.exclusions().entrySet().stream()
                    .map(e -> e.getKey() + " ×" + e.getValue())
                    .collect(Collectors.joining(", ")));
      }
    }
  }

  @Command(
      name = "rank",
      mixinStandardHelpOptions = true,
      description =
          "Prints the pros in rank order (reliability and rating; no distance, price or plan"
              + " boost) with their score.")
  static final class Rank implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EventOptions options;

    @Option(
        names = "--top",
        paramLabel = "N",
        defaultValue = "10",
        description = "How many pros to print (default ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Loaded loaded = load(options, err);
      if (loaded == null) {
        return 1;
      }
      List<Ranker.Candidate> candidates = new ArrayList<>();
      for (ReliabilityScore score : loaded.scores().values()) {
        candidates.add(Ranker.Candidate.of(score, 0, null, 0));
      }
      Ranking ranking = Ranker.defaults().rank(candidates, null, top);
      if (options.json) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.put("at", loaded.at().toString());
        root.put("candidates", ranking.candidateCount());
        ArrayNode pros = root.putArray("pros");
        for (Ranker.RankedPro ranked : ranking.top()) {
          ReliabilityScore score = loaded.scores().get(ranked.pro());
          ObjectNode p = pros.addObject();
          p.put("rank", ranked.position());
          p.put("pro", ranked.pro().value());
          p.put("score", ReliabilityScoreJson.round(score.score()));
          p.put("tier", score.tier().name());
          p.put("rating", ReliabilityScoreJson.round(ranked.parts().get(1).input()));
          p.put("total", ReliabilityScoreJson.round(ranked.total()));
        }
        out.println(mapper.writeValueAsString(root));
      } else {
        out.println("Ranking at " + loaded.at() + " (" + ranking.candidateCount() + " candidates)");
        out.println(
            String.format(
                Locale.ROOT,
                "  %4s  %-12s %7s  %-8s %6s %7s",
                "rank",
                "pro",
                "score",
                "tier",
                "rating",
                "total"));
        for (Ranker.RankedPro ranked : ranking.top()) {
          ReliabilityScore score = loaded.scores().get(ranked.pro());
          out.println(
              String.format(
                  Locale.ROOT,
                  "  %4d  %-12s %7.2f  %-8s %6.2f %7.2f",
                  ranked.position(),
                  ranked.pro(),
                  score.score(),
                  score.tier(),
                  ranked.parts().get(1).input(),
                  ranked.total()));
        }
      }
      out.flush();
      return 0;
    }
  }
}
