package dev.oficio.reliability;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns decayed counters into component values, a score and a tier. Pure functions. */
final class Scoring {
  private static final Component[] COMPONENTS = Component.values();
  private static final List<Tier> DESCENDING = List.of(Tier.TOP, Tier.TRUSTED, Tier.STANDARD);

  private Scoring() {}

  static ReliabilityScore score(ReliabilityCounters c, long t) {
    ReliabilityModel m = c.model();
    double[] trials = new double[ReliabilityCounters.SLOTS];
    double[] hits = new double[ReliabilityCounters.SLOTS];
    c.decayedAt(t, trials, hits);
    double[] values = new double[COMPONENTS.length];
    double[] rates = new double[COMPONENTS.length];
    double[] lowerBounds = new double[COMPONENTS.length];
    evaluate(m, trials, hits, values, rates, lowerBounds);
    double score = total(m, values);
    double completed = hits[Component.COMPLETION.ordinal()];
    double strikes = hits[ReliabilityCounters.STRIKES];
    boolean suspended = strikes >= m.suspensionStrikes;
    Tier qualifies = qualify(m, values, score, completed, suspended);

    long assessment = m.assessmentAtOrBefore(t);
    Tier held;
    Optional<Instant> assessedAt;
    if (assessment > c.heldAssessmentMillis && assessment >= c.lastMillis) {
      held = qualify(c, assessment);
      assessedAt = Optional.of(Instant.ofEpochMilli(assessment));
    } else if (c.heldAssessmentMillis == Long.MIN_VALUE) {
      held = Tier.NEW;
      assessedAt = Optional.empty();
    } else {
      held = c.heldTier;
      assessedAt = Optional.of(Instant.ofEpochMilli(c.heldAssessmentMillis));
    }
    Instant nextAssessment = Instant.ofEpochMilli(assessment + m.assessmentPeriod.toMillis());

    Tier next = qualifies.next();
    ReliabilityModel.TierRule nextRule = next == null ? null : m.tierRule(next);
    Optional<ReliabilityScore.TierProgress> progress =
        nextRule == null
            ? Optional.empty()
            : Optional.of(
                new ReliabilityScore.TierProgress(
                    next,
                    nextRule.minScore(),
                    Math.max(0, nextRule.minScore() - score),
                    nextRule.minCompletedJobs(),
                    Math.max(0, nextRule.minCompletedJobs() - completed)));

    EnumMap<Component, ComponentScore> components = new EnumMap<>(Component.class);
    for (Component comp : COMPONENTS) {
      int i = comp.ordinal();
      ReliabilityModel.Prior prior = m.priors[i];
      Optional<ComponentScore.TierTarget> target = Optional.empty();
      ReasonCode last = c.lastReason[i] == null ? ReasonCode.NO_DATA : c.lastReason[i];
      boolean mostlyPrior = c.counts[i] > 0 && trials[i] < prior.strength();
      boolean belowNextTier = false;
      if (nextRule != null) {
        double threshold = nextRule.minComponents().getOrDefault(comp, 0.0);
        double gap = Math.max(0, threshold - values[i]);
        target = Optional.of(new ComponentScore.TierTarget(next, threshold, gap));
        belowNextTier = gap > 0;
      }
      List<ReasonCode> reasons = reasons(last, mostlyPrior, belowNextTier);
      double contribution = 100 * m.weights[i] * values[i] / m.weightSum;
      components.put(
          comp,
          new ComponentScore(
              comp,
              c.counts[i],
              trials[i],
              rates[i],
              prior.mean(),
              values[i],
              lowerBounds[i],
              m.weights[i],
              contribution,
              target,
              reasons,
              c.lastReason[i] == null
                  ? Optional.empty()
                  : Optional.of(Instant.ofEpochMilli(c.lastChangeMillis[i]))));
    }
    EnumMap<ReasonCode, Long> exclusions = new EnumMap<>(ReasonCode.class);
    for (ReasonCode code : ReasonCode.values()) {
      if (c.excluded[code.ordinal()] > 0) {
        exclusions.put(code, c.excluded[code.ordinal()]);
      }
    }
    return new ReliabilityScore(
        c.pro(),
        Instant.ofEpochMilli(t),
        score,
        held,
        assessedAt,
        nextAssessment,
        qualifies,
        progress,
        completed,
        strikes,
        suspended,
        Collections.unmodifiableMap(components),
        Collections.unmodifiableMap(exclusions));
  }

  private static List<ReasonCode> reasons(
      ReasonCode last, boolean mostlyPrior, boolean belowNextTier) {
    if (mostlyPrior && belowNextTier) {
      return List.of(last, ReasonCode.MOSTLY_PRIOR, ReasonCode.BELOW_NEXT_TIER);
    }
    if (mostlyPrior) {
      return List.of(last, ReasonCode.MOSTLY_PRIOR);
    }
    return belowNextTier ? List.of(last, ReasonCode.BELOW_NEXT_TIER) : List.of(last);
  }

  /** The tier {@code c} qualifies for at {@code t} (≥ its latest event). */
  static Tier qualify(ReliabilityCounters c, long t) {
    ReliabilityModel m = c.model();
    double[] trials = new double[ReliabilityCounters.SLOTS];
    double[] hits = new double[ReliabilityCounters.SLOTS];
    c.decayedAt(t, trials, hits);
    double[] values = new double[COMPONENTS.length];
    evaluate(m, trials, hits, values, new double[COMPONENTS.length], new double[COMPONENTS.length]);
    return qualify(
        m,
        values,
        total(m, values),
        hits[Component.COMPLETION.ordinal()],
        hits[ReliabilityCounters.STRIKES] >= m.suspensionStrikes);
  }

  private static Tier qualify(
      ReliabilityModel m, double[] values, double score, double completed, boolean suspended) {
    for (Tier tier : DESCENDING) {
      ReliabilityModel.TierRule rule = m.tierRule(tier);
      if (suspended && tier.compareTo(Tier.STANDARD) > 0) {
        continue;
      }
      if (score < rule.minScore() || completed < rule.minCompletedJobs()) {
        continue;
      }
      boolean componentsMet = true;
      for (Map.Entry<Component, Double> min : rule.minComponents().entrySet()) {
        if (values[min.getKey().ordinal()] < min.getValue()) {
          componentsMet = false;
          break;
        }
      }
      if (componentsMet) {
        return tier;
      }
    }
    return Tier.NEW;
  }

  private static void evaluate(
      ReliabilityModel m,
      double[] trials,
      double[] hits,
      double[] values,
      double[] rates,
      double[] lowerBounds) {
    for (Component comp : COMPONENTS) {
      int i = comp.ordinal();
      double n = trials[i];
      double h = hits[i];
      double p = m.priors[i].mean();
      double k = m.priors[i].strength();
      switch (comp.kind()) {
        case GOOD_RATE -> {
          values[i] = clamp01((h + p * k) / (n + k));
          rates[i] = n > 0 ? clamp01(h / n) : p;
          lowerBounds[i] = n > 0 ? wilsonLowerBound(clamp01(h / n), n, m.wilsonZ) : 0;
        }
        case FAILURE_RATE -> {
          values[i] = clamp01(1 - (h + p * k) / (n + k));
          rates[i] = n > 0 ? clamp01(h / n) : (h > 0 ? 1 : p);
          lowerBounds[i] = n > 0 ? wilsonLowerBound(clamp01(1 - h / n), n, m.wilsonZ) : 0;
        }
        case MEAN -> {
          double bayes = (h + p * k) / (n + k);
          values[i] = clamp01((bayes - 1) / 4);
          rates[i] = n > 0 ? h / n : p;
          lowerBounds[i] = values[i];
        }
      }
    }
  }

  private static double total(ReliabilityModel m, double[] values) {
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += 100 * m.weights[i] * values[i] / m.weightSum;
    }
    return Math.min(100, Math.max(0, sum));
  }

  /**
   * The Wilson score interval's lower bound of a proportion {@code p} observed over {@code n}
   * (possibly fractional, decayed) trials: a conservative estimate that is low for small samples.
   */
  static double wilsonLowerBound(double p, double n, double z) {
    if (n <= 0) {
      return 0;
    }
    double z2 = z * z;
    double centre = p + z2 / (2 * n);
    double margin = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return clamp01((centre - margin) / (1 + z2 / n));
  }

  private static double clamp01(double x) {
    return x < 0 ? 0 : (x > 1 ? 1 : x);
  }
}
