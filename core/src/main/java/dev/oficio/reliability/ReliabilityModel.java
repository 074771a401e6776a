package dev.oficio.reliability;

import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration of the reliability score: per-{@link Component} weights, priors and decay
 * half-lives, the thresholds that classify events (late tolerance, response target, cancellation
 * notice), the strike limit for suspension, the tier rules and the assessment cadence.
 *
 * <p>{@link #defaults()} is a reasonable starting point; {@link #builder()} starts from it and
 * {@link Builder#build()} checks every setting, throwing one {@link ValidationException} that names
 * each bad field (e.g. {@code weights.RATING}, {@code priors.NO_SHOW.mean}, {@code
 * tiers.TOP.minScore}).
 *
 * <p>Immutable and thread-safe.
 */
public final class ReliabilityModel {

  /**
   * The platform prior of a component, toward which a pro's observed rate is shrunk.
   *
   * @param mean the platform mean: a rate in [0, 1] for rate components (the failure rate for
   *     {@link Component.Kind#FAILURE_RATE}), stars in [1, 5] for {@link Component#RATING}
   * @param strength the prior's weight in pseudo-events (&gt; 0): with {@code k} = 10 a pro needs
   *     about 10 (decayed) events before their own record outweighs the platform's
   */
  public record Prior(double mean, double strength) {}

  /**
   * What a pro needs to qualify for a tier at an assessment.
   *
   * @param minScore the minimum overall score, 0–100
   * @param minCompletedJobs the minimum decayed count of completed jobs
   * @param minComponents minimum component values in [0, 1]; components not listed have no minimum
   */
  public record TierRule(
      double minScore, double minCompletedJobs, Map<Component, Double> minComponents) {
    /** Copies the map (null means none). */
    public TierRule {
      minComponents =
          minComponents == null || minComponents.isEmpty()
              ? Map.of()
              : Collections.unmodifiableMap(new EnumMap<>(minComponents));
    }
  }

  final double[] weights = new double[Component.values().length];
  final double weightSum;
  final Prior[] priors = new Prior[Component.values().length];
  final Duration[] halfLives = new Duration[Component.values().length + 1];
  final int lateToleranceMinutes;
  final long responseTargetMinutes;
  final int cancellationNoticeHours;
  final double noticedCancellationWeight;
  final double suspensionStrikes;
  final double wilsonZ;
  final Duration assessmentPeriod;
  final Instant assessmentAnchor;
  private final long anchorMillis;
  final long periodMillis;
  final EnumMap<Tier, TierRule> tierRules;

  // Decay groups: components sharing a half-life decay with one exp() per event.
  final int[] groupOf = new int[Component.values().length + 1];
  final double[] groupLambdaPerMilli;
  final int[][] slotsOfGroup;

  private ReliabilityModel(Builder b) {
    double sum = 0;
    for (Component c : Component.values()) {
      weights[c.ordinal()] = b.weights.get(c);
      sum += weights[c.ordinal()];
      priors[c.ordinal()] = b.priors.get(c);
      halfLives[c.ordinal()] = b.halfLives.get(c);
    }
    halfLives[Component.values().length] = b.strikeHalfLife;
    this.weightSum = sum;
    this.lateToleranceMinutes = b.lateToleranceMinutes;
    this.responseTargetMinutes = b.responseTargetMinutes;
    this.cancellationNoticeHours = b.cancellationNoticeHours;
    this.noticedCancellationWeight = b.noticedCancellationWeight;
    this.suspensionStrikes = b.suspensionStrikes;
    this.wilsonZ = b.wilsonZ;
    this.assessmentPeriod = b.assessmentPeriod;
    this.assessmentAnchor = b.assessmentAnchor;
    this.anchorMillis = b.assessmentAnchor.toEpochMilli();
    this.periodMillis = b.assessmentPeriod.toMillis();
    this.tierRules = new EnumMap<>(b.tierRules);
    List<Duration> distinct = new ArrayList<>();
    for (int i = 0; i < halfLives.length; i++) {
      int g = distinct.indexOf(halfLives[i]);
      if (g < 0) {
        distinct.add(halfLives[i]);
        g = distinct.size() - 1;
      }
      groupOf[i] = g;
    }
    groupLambdaPerMilli = new double[distinct.size()];
    slotsOfGroup = new int[distinct.size()][];
    for (int g = 0; g < distinct.size(); g++) {
      groupLambdaPerMilli[g] = Math.log(2) / distinct.get(g).toMillis();
      int members = 0;
      for (int group : groupOf) {
        members += group == g ? 1 : 0;
      }
      slotsOfGroup[g] = new int[members];
      for (int i = 0, k = 0; i < groupOf.length; i++) {
        if (groupOf[i] == g) {
          slotsOfGroup[g][k++] = i;
        }
      }
    }
  }

  /** The default model (see {@link Builder} for each default). */
  public static ReliabilityModel defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Empty counters for {@code pro} under this model. */
  public ReliabilityCounters newCounters(ProId pro) {
    return new ReliabilityCounters(pro, this);
  }

  /** The weight of {@code component}. */
  public double weight(Component component) {
    return weights[component.ordinal()];
  }

  /** The prior of {@code component}. */
  public Prior prior(Component component) {
    return priors[component.ordinal()];
  }

  /** The decay half-life of {@code component}. */
  public Duration halfLife(Component component) {
    return halfLives[component.ordinal()];
  }

  /** The decay half-life of strikes. */
  public Duration strikeHalfLife() {
    return halfLives[Component.values().length];
  }

  /** Minutes late a completed job may be and still count as on time. */
  public int lateToleranceMinutes() {
    return lateToleranceMinutes;
  }

  /** Business minutes within which a lead response counts as responsive. */
  public long responseTargetMinutes() {
    return responseTargetMinutes;
  }

  /** Hours of notice from which a pro cancellation weighs {@link #noticedCancellationWeight()}. */
  public int cancellationNoticeHours() {
    return cancellationNoticeHours;
  }

  /** The weight (0, 1] of a cancellation given with enough notice; short notice weighs 1. */
  public double noticedCancellationWeight() {
    return noticedCancellationWeight;
  }

  /** Decayed strikes at which a pro is suspended. */
  public double suspensionStrikes() {
    return suspensionStrikes;
  }

  /** The z of the Wilson lower bounds used by gates (1.96 ≈ 95 % one-sided 97.5 %). */
  public double wilsonZ() {
    return wilsonZ;
  }

  /** Time between tier assessments. */
  public Duration assessmentPeriod() {
    return assessmentPeriod;
  }

  /** An instant at which an assessment happens; others follow every {@link #assessmentPeriod()}. */
  public Instant assessmentAnchor() {
    return assessmentAnchor;
  }

  /** The rule of {@code tier}; {@link Tier#NEW} has none and returns {@code null}. */
  public TierRule tierRule(Tier tier) {
    return tierRules.get(tier);
  }

  /** The latest assessment instant at or before {@code at}, in epoch milliseconds. */
  long assessmentAtOrBefore(long atMillis) {
    return anchorMillis + Math.floorDiv(atMillis - anchorMillis, periodMillis) * periodMillis;
  }

  /**
   * Settings of a {@link ReliabilityModel}, starting from the defaults. Not thread-safe. Setters
   * record values; {@link #build()} validates them all.
   */
  public static final class Builder {
    private final EnumMap<Component, Double> weights = new EnumMap<>(Component.class);
    private final EnumMap<Component, Prior> priors = new EnumMap<>(Component.class);
    private final EnumMap<Component, Duration> halfLives = new EnumMap<>(Component.class);
    private Duration strikeHalfLife = Duration.ofDays(180);
    private int lateToleranceMinutes = 15;
    private long responseTargetMinutes = 240;
    private int cancellationNoticeHours = 48;
    private double noticedCancellationWeight = 0.5;
    private double suspensionStrikes = 3;
    private double wilsonZ = 1.96;
    private Duration assessmentPeriod = Duration.ofDays(90);
    private Instant assessmentAnchor = Instant.parse("2026-01-01T04:00:00Z");
    private final EnumMap<Tier, TierRule> tierRules = new EnumMap<>(Tier.class);

    private Builder() {
      weight(Component.COMPLETION, 25);
      weight(Component.PUNCTUALITY, 10);
      weight(Component.RESPONSIVENESS, 10);
      weight(Component.CANCELLATION, 10);
      weight(Component.NO_SHOW, 15);
      weight(Component.RATING, 20);
      weight(Component.DISPUTES, 10);
      prior(Component.COMPLETION, new Prior(0.90, 10));
      prior(Component.PUNCTUALITY, new Prior(0.85, 10));
      prior(Component.RESPONSIVENESS, new Prior(0.75, 10));
      prior(Component.CANCELLATION, new Prior(0.05, 10));
      prior(Component.NO_SHOW, new Prior(0.02, 20));
      prior(Component.RATING, new Prior(4.3, 10));
      prior(Component.DISPUTES, new Prior(0.02, 20));
      halfLife(Component.COMPLETION, Duration.ofDays(180));
      halfLife(Component.PUNCTUALITY, Duration.ofDays(180));
      halfLife(Component.RESPONSIVENESS, Duration.ofDays(90));
      halfLife(Component.CANCELLATION, Duration.ofDays(180));
      halfLife(Component.NO_SHOW, Duration.ofDays(90));
      halfLife(Component.RATING, Duration.ofDays(180));
      halfLife(Component.DISPUTES, Duration.ofDays(365));
      tier(Tier.STANDARD, new TierRule(0, 3, Map.of()));
      tier(
          Tier.TRUSTED,
          new TierRule(75, 10, Map.of(Component.COMPLETION, 0.90, Component.RATING, 0.85)));
      tier(
          Tier.TOP,
          new TierRule(
              85,
              25,
              Map.of(
                  Component.COMPLETION, 0.95,
                  Component.RESPONSIVENESS, 0.75,
                  Component.NO_SHOW, 0.97,
                  Component.RATING, 0.90)));
    }

    /** The weight of a component in the score (≥ 0; the weights must not all be 0). */
    public Builder weight(Component component, double weight) {
      weights.put(nonNull("component", component), weight);
      return this;
    }

    /** The prior of a component. */
    public Builder prior(Component component, Prior prior) {
      priors.put(nonNull("component", component), prior);
      return this;
    }

    /** The decay half-life of a component (positive). */
    public Builder halfLife(Component component, Duration halfLife) {
      halfLives.put(nonNull("component", component), halfLife);
      return this;
    }

    /** The decay half-life of strikes (positive); default 180 days. */
    public Builder strikeHalfLife(Duration halfLife) {
      this.strikeHalfLife = halfLife;
      return this;
    }

    /** Minutes late that still count as on time (≥ 0); default 15. */
    public Builder lateToleranceMinutes(int minutes) {
      this.lateToleranceMinutes = minutes;
      return this;
    }

    /** Business minutes within which a lead response is responsive (&gt; 0); default 240. */
    public Builder responseTargetMinutes(long minutes) {
      this.responseTargetMinutes = minutes;
      return this;
    }

    /** Notice hours from which a cancellation weighs less (≥ 0); default 48. */
    public Builder cancellationNoticeHours(int hours) {
      this.cancellationNoticeHours = hours;
      return this;
    }

    /** The weight (0, 1] of a cancellation with enough notice; default 0.5. */
    public Builder noticedCancellationWeight(double weight) {
      this.noticedCancellationWeight = weight;
      return this;
    }

    /** Decayed strikes (&gt; 0) at which a pro is suspended; default 3. */
    public Builder suspensionStrikes(double strikes) {
      this.suspensionStrikes = strikes;
      return this;
    }

    /** The z of Wilson lower bounds (&gt; 0); default 1.96. */
    public Builder wilsonZ(double z) {
      this.wilsonZ = z;
      return this;
    }

    /** Assessment cadence: every {@code period} from {@code anchor}; default 90 days. */
    public Builder assessments(Duration period, Instant anchor) {
      this.assessmentPeriod = period;
      this.assessmentAnchor = anchor;
      return this;
    }

    /** The rule of a tier above {@link Tier#NEW}. */
    public Builder tier(Tier tier, TierRule rule) {
      if (nonNull("tier", tier) == Tier.NEW) {
        throw ValidationException.of("tiers.NEW", "NEW is the fallback tier and has no rule");
      }
      tierRules.put(tier, rule);
      return this;
    }

    /**
     * The model.
     *
     * @throws ValidationException naming every bad setting
     */
    public ReliabilityModel build() {
      List<ValidationException.Violation> v = new ArrayList<>();
      double sum = 0;
      for (Component c : Component.values()) {
        Double w = weights.get(c);
        if (w == null || !Double.isFinite(w) || w < 0) {
          v.add(violation("weights." + c, "must be a finite number ≥ 0, was " + w));
        } else {
          sum += w;
        }
        checkPrior(c, priors.get(c), v);
        checkPositive("halfLives." + c, halfLives.get(c), v);
      }
      if (sum <= 0) {
        v.add(violation("weights", "at least one weight must be positive"));
      }
      checkPositive("strikeHalfLife", strikeHalfLife, v);
      if (lateToleranceMinutes < 0) {
        v.add(violation("lateToleranceMinutes", "must be ≥ 0, was " + lateToleranceMinutes));
      }
      if (responseTargetMinutes <= 0) {
        v.add(violation("responseTargetMinutes", "must be > 0, was " + responseTargetMinutes));
      }
      if (cancellationNoticeHours < 0) {
        v.add(violation("cancellationNoticeHours", "must be ≥ 0, was " + cancellationNoticeHours));
      }
      if (!(noticedCancellationWeight > 0 && noticedCancellationWeight <= 1)) {
        v.add(
            violation(
                "noticedCancellationWeight",
                "must be in (0, 1], was " + noticedCancellationWeight));
      }
      if (!(suspensionStrikes > 0) || !Double.isFinite(suspensionStrikes)) {
        v.add(
            violation(
                "suspensionStrikes", "must be a finite number > 0, was " + suspensionStrikes));
      }
      if (!(wilsonZ > 0) || !Double.isFinite(wilsonZ)) {
        v.add(violation("wilsonZ", "must be a finite number > 0, was " + wilsonZ));
      }
      checkPositive("assessmentPeriod", assessmentPeriod, v);
      try {
        Checks.instant("assessmentAnchor", assessmentAnchor);
      } catch (ValidationException e) {
        v.addAll(e.violations());
      }
      checkTiers(v);
      if (!v.isEmpty()) {
        throw new ValidationException(v);
      }
      return new ReliabilityModel(this);
    }

    private void checkTiers(List<ValidationException.Violation> v) {
      TierRule previous = null;
      for (Tier tier : List.of(Tier.STANDARD, Tier.TRUSTED, Tier.TOP)) {
        TierRule rule = tierRules.get(tier);
        String field = "tiers." + tier;
        if (rule == null) {
          v.add(violation(field, "must not be null"));
          continue;
        }
        if (!(rule.minScore() >= 0 && rule.minScore() <= 100)) {
          v.add(violation(field + ".minScore", "must be in [0, 100], was " + rule.minScore()));
        }
        if (!(rule.minCompletedJobs() >= 0) || !Double.isFinite(rule.minCompletedJobs())) {
          v.add(
              violation(
                  field + ".minCompletedJobs",
                  "must be a finite number ≥ 0, was " + rule.minCompletedJobs()));
        }
        rule.minComponents()
            .forEach(
                (c, min) -> {
                  if (min == null || !(min >= 0 && min <= 1)) {
                    v.add(
                        violation(field + ".minComponents." + c, "must be in [0, 1], was " + min));
                  }
                });
        if (previous != null) {
          if (rule.minScore() < previous.minScore()) {
            v.add(violation(field + ".minScore", "must not be below the lower tier's minScore"));
          }
          if (rule.minCompletedJobs() < previous.minCompletedJobs()) {
            v.add(
                violation(
                    field + ".minCompletedJobs",
                    "must not be below the lower tier's minCompletedJobs"));
          }
        }
        previous = rule;
      }
    }

    private static void checkPrior(
        Component c, Prior prior, List<ValidationException.Violation> v) {
      String field = "priors." + c;
      if (prior == null) {
        v.add(violation(field, "must not be null"));
        return;
      }
      double lo = c.kind() == Component.Kind.MEAN ? 1 : 0;
      double hi = c.kind() == Component.Kind.MEAN ? 5 : 1;
      if (!(prior.mean() >= lo && prior.mean() <= hi)) {
        v.add(
            violation(
                field + ".mean",
                "must be in [" + (int) lo + ", " + (int) hi + "], was " + prior.mean()));
      }
      if (!(prior.strength() > 0) || !Double.isFinite(prior.strength())) {
        v.add(
            violation(field + ".strength", "must be a finite number > 0, was " + prior.strength()));
      }
    }

    private static void checkPositive(
        String field, Duration d, List<ValidationException.Violation> v) {
      if (d == null || d.isNegative() || d.isZero() || d.toMillis() == 0) {
        v.add(violation(field, "must be a positive duration of at least 1 ms, was " + d));
      }
    }

    private static ValidationException.Violation violation(String field, String message) {
      return new ValidationException.Violation(field, message);
    }

    private static <T> T nonNull(String field, T value) {
      if (value == null) {
        throw ValidationException.of(field, "must not be null");
      }
      return value;
    }
  }
}
