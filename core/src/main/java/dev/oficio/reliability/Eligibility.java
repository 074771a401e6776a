package dev.oficio.reliability;

import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gates a pro must pass to be booked, to bid on concierge cases and to be promoted. Each {@link
 * Purpose} has a {@link Policy}; {@link #check} applies every gate and returns a {@link Decision}
 * whose refusals each name the {@link Gate} that failed and what fell short.
 *
 * <p>Credentials are input data: the host passes the credentials the category requires and the ones
 * the pro holds valid today ({@link Standing}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Eligibility {

  /** What a pro wants to do. */
  public enum Purpose {
    /** Be booked by customers. */
    BOOKING,
    /** Bid on high-ticket concierge cases. */
    CONCIERGE_BIDDING,
    /** Appear in promotions and featured placements. */
    PROMOTIONS
  }

  /** A gate a pro must pass. */
  public enum Gate {
    /** Enough decayed completed jobs. */
    MIN_SAMPLE_SIZE,
    /** A high enough score. */
    MIN_SCORE,
    /** A component's Wilson lower bound high enough. */
    MIN_LOWER_BOUND,
    /** Every credential the category requires held. */
    REQUIRED_CREDENTIALS,
    /** Not suspended (by strikes or by an operator). */
    NOT_SUSPENDED
  }

  /**
   * The gates of one purpose. Suspension is always checked.
   *
   * @param minCompletedJobs minimum decayed completed jobs (≥ 0)
   * @param minScore minimum score, 0–100
   * @param minLowerBounds minimum Wilson lower bound, in [0, 1], per component
   * @param requireCredentials whether the category's credentials are required
   */
  public record Policy(
      double minCompletedJobs,
      double minScore,
      Map<Component, Double> minLowerBounds,
      boolean requireCredentials) {
    /** Checks the settings. */
    public Policy {
      List<ValidationException.Violation> v = new ArrayList<>();
      if (!(minCompletedJobs >= 0) || !Double.isFinite(minCompletedJobs)) {
        v.add(new ValidationException.Violation("minCompletedJobs", "must be a finite number ≥ 0"));
      }
      if (!(minScore >= 0 && minScore <= 100)) {
        v.add(
            new ValidationException.Violation("minScore", "must be in [0, 100], was " + minScore));
      }
      if (minLowerBounds == null) {
        minLowerBounds = Map.of();
      }
      minLowerBounds.forEach(
          (c, min) -> {
            if (c == null || min == null || !(min >= 0 && min <= 1)) {
              v.add(
                  new ValidationException.Violation(
                      "minLowerBounds." + c, "must be in [0, 1], was " + min));
            }
          });
      if (!v.isEmpty()) {
        throw new ValidationException(v);
      }
      minLowerBounds =
          minLowerBounds.isEmpty()
              ? Map.of()
              : Collections.unmodifiableMap(new EnumMap<>(minLowerBounds));
    }
  }

  /**
   * Facts about the pro that the reliability counters do not hold.
   *
   * @param heldCredentials codes of the credentials the pro holds valid now
   * @param requiredCredentials codes of the credentials the job's category requires
   * @param suspendedByOperator whether an operator suspended the pro
   */
  public record Standing(
      Set<String> heldCredentials, Set<String> requiredCredentials, boolean suspendedByOperator) {
    /** Copies the sets (null means empty). */
    public Standing {
      heldCredentials = codes("heldCredentials", heldCredentials);
      requiredCredentials = codes("requiredCredentials", requiredCredentials);
    }

    private static Set<String> codes(String field, Set<String> codes) {
      if (codes == null) {
        return Set.of();
      }
      for (String code : codes) {
        if (code == null || code.isBlank()) {
          throw ValidationException.of(field, "must not contain a blank credential code");
        }
      }
      return Set.copyOf(codes);
    }

    /** A pro holding {@code held}, for a category requiring {@code required}, not suspended. */
    public static Standing of(Set<String> held, Set<String> required) {
      return new Standing(held, required, false);
    }
  }

  /**
   * One failed gate.
   *
   * @param gate the gate
   * @param subject what failed it: a component name, a credential code, {@code score}…
   * @param detail a readable account, e.g. {@code completed jobs 2.0 < 10.0}
   */
  public record Refusal(Gate gate, String subject, String detail) {
    @Override
    public String toString() {
      return gate + " (" + subject + "): " + detail;
    }
  }

  /**
   * The outcome of {@link #check}.
   *
   * @param pro the pro
   * @param purpose what was asked
   * @param refusals every failed gate, in gate order; empty when allowed
   */
  public record Decision(ProId pro, Purpose purpose, List<Refusal> refusals) {
    /** Copies the list. */
    public Decision {
      refusals = List.copyOf(refusals);
    }

    /** Whether every gate passed. */
    public boolean allowed() {
      return refusals.isEmpty();
    }
  }

  private final EnumMap<Purpose, Policy> policies;

  private Eligibility(EnumMap<Purpose, Policy> policies) {
    this.policies = policies;
  }

  /**
   * Default gates: booking needs the category's credentials and no suspension; concierge bidding
   * also needs 10 completed jobs, a score of 75 and completion and no-show lower bounds of 0.80 and
   * 0.90; promotions need 5 completed jobs and a score of 60.
   */
  public static Eligibility defaults() {
    EnumMap<Purpose, Policy> p = new EnumMap<>(Purpose.class);
    p.put(Purpose.BOOKING, new Policy(0, 0, Map.of(), true));
    p.put(
        Purpose.CONCIERGE_BIDDING,
        new Policy(10, 75, Map.of(Component.COMPLETION, 0.80, Component.NO_SHOW, 0.90), true));
    p.put(Purpose.PROMOTIONS, new Policy(5, 60, Map.of(), false));
    return new Eligibility(p);
  }

  /** A copy with {@code purpose}'s gates replaced. */
  public Eligibility with(Purpose purpose, Policy policy) {
    if (purpose == null) {
      throw ValidationException.of("purpose", "must not be null");
    }
    if (policy == null) {
      throw ValidationException.of("policy", "must not be null");
    }
    EnumMap<Purpose, Policy> copy = new EnumMap<>(policies);
    copy.put(purpose, policy);
    return new Eligibility(copy);
  }

  /** The gates of {@code purpose}. */
  public Policy policy(Purpose purpose) {
    return policies.get(purpose);
  }

  /** Applies every gate of {@code purpose} to a pro's score and standing. */
  public Decision check(Purpose purpose, ReliabilityScore score, Standing standing) {
    if (purpose == null) {
      throw ValidationException.of("purpose", "must not be null");
    }
    if (score == null) {
      throw ValidationException.of("score", "must not be null");
    }
    if (standing == null) {
      throw ValidationException.of("standing", "must not be null");
    }
    Policy policy = policies.get(purpose);
    List<Refusal> refusals = new ArrayList<>();
    if (score.completedJobs() < policy.minCompletedJobs()) {
      refusals.add(
          new Refusal(
              Gate.MIN_SAMPLE_SIZE,
              "completedJobs",
              String.format(
                  Locale.ROOT,
                  "decayed completed jobs %.2f < %.2f",
                  score.completedJobs(),
                  policy.minCompletedJobs())));
    }
    if (score.score() < policy.minScore()) {
      refusals.add(
          new Refusal(
              Gate.MIN_SCORE,
              "score",
              String.format(Locale.ROOT, "score %.2f < %.2f", score.score(), policy.minScore())));
    }
    for (Map.Entry<Component, Double> min : policy.minLowerBounds().entrySet()) {
      double lowerBound = score.component(min.getKey()).lowerBound();
      if (lowerBound < min.getValue()) {
        refusals.add(
            new Refusal(
                Gate.MIN_LOWER_BOUND,
                min.getKey().jsonName(),
                String.format(
                    Locale.ROOT, "Wilson lower bound %.4f < %.4f", lowerBound, min.getValue())));
      }
    }
    if (policy.requireCredentials()) {
      for (String missing : new TreeSet<>(standing.requiredCredentials())) {
        if (!standing.heldCredentials().contains(missing)) {
          refusals.add(
              new Refusal(Gate.REQUIRED_CREDENTIALS, missing, "required credential not held"));
        }
      }
    }
    if (score.suspended()) {
      refusals.add(
          new Refusal(
              Gate.NOT_SUSPENDED,
              "strikes",
              String.format(Locale.ROOT, "suspended: %.2f decayed strikes", score.strikes())));
    }
    if (standing.suspendedByOperator()) {
      refusals.add(new Refusal(Gate.NOT_SUSPENDED, "operator", "suspended by an operator"));
    }
    return new Decision(score.pro(), purpose, refusals);
  }
}
