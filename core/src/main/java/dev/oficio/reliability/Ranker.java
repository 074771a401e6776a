package dev.oficio.reliability;

import dev.oficio.shared.CurrencyMismatchException;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders candidate pros for a request by a blended signal: reliability, rating, proximity (travel
 * time), price competitiveness and a bounded plan boost.
 *
 * <p>Each of the first four signals is normalized to [0, 1] and weighted; the weights sum to 1, so
 * they give 0–100 points. The plan boost adds at most {@link Policy#maxBoostPoints()} points, and
 * the policy refuses a boost larger than {@code 10 × reliabilityWeight}: all else equal, a pro
 * whose reliability is lower by more than {@link Policy#boostMargin()} score points can never be
 * ranked above the more reliable one, whatever plan they pay for.
 *
 * <p>The order is total and deterministic: by total points (descending), then reliability
 * (descending), then pro id (ascending). Candidates must be distinct pros.
 *
 * <p>Immutable and thread-safe.
 */
public final class Ranker {

  /** The parts of a rank. */
  public enum Signal {
    /** The pro's reliability score, 0–100. */
    RELIABILITY,
    /** The pro's (Bayesian average) rating, 1–5 stars. */
    RATING,
    /** Travel time to the job; 0 minutes scores 1, {@link Policy#maxTravelMinutes()} or more 0. */
    PROXIMITY,
    /** The quote against the request's reference price; equal scores 0.5, free 1, double 0. */
    PRICE,
    /** The plan boost in [0, 1], worth up to {@link Policy#maxBoostPoints()} points. */
    PLAN_BOOST
  }

  /**
   * The ranking's weights and bounds.
   *
   * @param reliabilityWeight weight of reliability (&gt; 0)
   * @param ratingWeight weight of rating (≥ 0)
   * @param proximityWeight weight of proximity (≥ 0)
   * @param priceWeight weight of price competitiveness (≥ 0); the four weights sum to 1
   * @param maxTravelMinutes travel minutes at which proximity reaches 0 (&gt; 0)
   * @param maxBoostPoints the most points a plan boost adds, at most {@code 10 × reliabilityWeight}
   */
  public record Policy(
      double reliabilityWeight,
      double ratingWeight,
      double proximityWeight,
      double priceWeight,
      int maxTravelMinutes,
      double maxBoostPoints) {
    /** Checks the settings. */
    public Policy {
      List<ValidationException.Violation> v = new ArrayList<>();
      checkWeight("reliabilityWeight", reliabilityWeight, v);
      checkWeight("ratingWeight", ratingWeight, v);
      checkWeight("proximityWeight", proximityWeight, v);
      checkWeight("priceWeight", priceWeight, v);
      if (!(reliabilityWeight > 0)) {
        v.add(new ValidationException.Violation("reliabilityWeight", "must be > 0"));
      }
      double sum = reliabilityWeight + ratingWeight + proximityWeight + priceWeight;
      if (!(Math.abs(sum - 1) < 1e-9)) {
        v.add(new ValidationException.Violation("weights", "must sum to 1, sum to " + sum));
      }
      if (maxTravelMinutes <= 0) {
        v.add(new ValidationException.Violation("maxTravelMinutes", "must be > 0"));
      }
      if (!(maxBoostPoints >= 0) || maxBoostPoints > 10 * reliabilityWeight) {
        v.add(
            new ValidationException.Violation(
                "maxBoostPoints",
                "must be in [0, 10 × reliabilityWeight] so money cannot outrank a pro more than 10"
                    + " points more reliable, was "
                    + maxBoostPoints));
      }
      if (!v.isEmpty()) {
        throw new ValidationException(v);
      }
    }

    /**
     * Reliability 0.5, rating 0.2, proximity 0.15, price 0.15, proximity 0 at 90 minutes, boost up
     * to 3 points (so a 6-point reliability lead cannot be bought).
     */
    public static Policy defaults() {
      return new Policy(0.5, 0.2, 0.15, 0.15, 90, 3);
    }

    /**
     * The reliability lead, in score points, that no plan boost can overcome when the other signals
     * are equal: {@code maxBoostPoints / reliabilityWeight}.
     */
    public double boostMargin() {
      return maxBoostPoints / reliabilityWeight;
    }

    private static void checkWeight(
        String field, double weight, List<ValidationException.Violation> v) {
      if (!Double.isFinite(weight) || weight < 0) {
        v.add(new ValidationException.Violation(field, "must be a finite number ≥ 0"));
      }
    }
  }

  /**
   * A pro that could take the request.
   *
   * @param pro the pro
   * @param reliability the reliability score, 0–100
   * @param rating the rating in stars, 1–5 (use the Bayesian average)
   * @param travelMinutes travel time to the job (≥ 0)
   * @param price the pro's quote; {@code null} when there is none (price signal neutral, 0.5)
   * @param planBoost the boost of the pro's paid plan, in [0, 1]
   */
  public record Candidate(
      ProId pro,
      double reliability,
      double rating,
      int travelMinutes,
      Money price,
      double planBoost) {
    /** Checks the fields. */
    public Candidate {
      if (pro == null) {
        throw ValidationException.of("pro", "must not be null");
      }
      if (!(reliability >= 0 && reliability <= 100)) {
        throw ValidationException.of("reliability", "must be in [0, 100], was " + reliability);
      }
      if (!(rating >= 1 && rating <= 5)) {
        throw ValidationException.of("rating", "must be in [1, 5], was " + rating);
      }
      if (travelMinutes < 0) {
        throw ValidationException.of("travelMinutes", "must be ≥ 0, was " + travelMinutes);
      }
      if (price != null && price.isNegative()) {
        throw ValidationException.of("price", "must not be negative, was " + price);
      }
      if (!(planBoost >= 0 && planBoost <= 1)) {
        throw ValidationException.of("planBoost", "must be in [0, 1], was " + planBoost);
      }
    }

    /**
     * A candidate from a reliability score: its score and the Bayesian average rating of its {@link
     * Component#RATING} component.
     */
    public static Candidate of(
        ReliabilityScore score, int travelMinutes, Money price, double planBoost) {
      if (score == null) {
        throw ValidationException.of("score", "must not be null");
      }
      double stars = 1 + 4 * score.component(Component.RATING).value();
      return new Candidate(
          score.pro(), score.score(), Math.min(5, stars), travelMinutes, price, planBoost);
    }
  }

  /**
   * One signal's share of a rank.
   *
   * @param signal the signal
   * @param input the raw input (score, stars, minutes, price ratio or boost)
   * @param normalized the input mapped to [0, 1]
   * @param weight the signal's weight (for {@link Signal#PLAN_BOOST}, its maximum points)
   * @param points the points it adds
   */
  public record RankPart(
      Signal signal, double input, double normalized, double weight, double points) {}

  /**
   * A pro's place in a ranking.
   *
   * @param position 1 for the first
   * @param pro the pro
   * @param total total points
   * @param parts every signal's share, in {@link Signal} order
   */
  public record RankedPro(int position, ProId pro, double total, List<RankPart> parts) {
    /** Copies the list. */
    public RankedPro {
      parts = List.copyOf(parts);
    }
  }

  private final Policy policy;

  /** A ranker with {@code policy}. */
  public Ranker(Policy policy) {
    if (policy == null) {
      throw ValidationException.of("policy", "must not be null");
    }
    this.policy = policy;
  }

  /** A ranker with {@link Policy#defaults()}. */
  public static Ranker defaults() {
    return new Ranker(Policy.defaults());
  }

  /** The policy. */
  public Policy policy() {
    return policy;
  }

  /**
   * Ranks {@code candidates} and keeps the first {@code top}; {@link Ranking#explain} explains any
   * candidate's place. One pass: each candidate is compared with the current last of the top and,
   * only if better, inserted into that short sorted array.
   *
   * @param referencePrice the request's reference price (e.g. the category's median quote),
   *     positive; {@code null} makes price neutral for everyone
   * @param top how many to keep, ≥ 1
   * @throws ValidationException on a null or duplicate candidate, bad price or top
   * @throws CurrencyMismatchException if a quote's currency differs from the reference price's
   */
  public Ranking rank(List<Candidate> candidates, Money referencePrice, int top) {
    if (candidates == null) {
      throw ValidationException.of("candidates", "must not be null");
    }
    if (top < 1) {
      throw ValidationException.of("top", "must be ≥ 1, was " + top);
    }
    if (referencePrice != null && !referencePrice.isPositive()) {
      throw ValidationException.of("referencePrice", "must be positive, was " + referencePrice);
    }
    Candidate[] all = candidates.toArray(new Candidate[0]);
    double[] totals = new double[all.length];
    Set<ProId> seen = new HashSet<>(all.length * 2);
    for (int i = 0; i < all.length; i++) {
      Candidate c = all[i];
      if (c == null) {
        throw ValidationException.of("candidates[" + i + "]", "must not be null");
      }
      if (!seen.add(c.pro())) {
        throw ValidationException.of("candidates[" + i + "]", "duplicates pro " + c.pro());
      }
      totals[i] = total(c, referencePrice);
    }
    int k = Math.min(top, all.length);
    int[] best = new int[k];
    int size = 0;
    for (int i = 0; i < all.length; i++) {
      if (size == k && !before(all, totals, i, best[k - 1])) {
        continue;
      }
      int at = size == k ? k - 1 : size++;
      while (at > 0 && before(all, totals, i, best[at - 1])) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = i;
    }
    return new Ranking(this, all, totals, best, referencePrice);
  }

  /** The parts of {@code candidate}'s total for a request with {@code referencePrice}. */
  public List<RankPart> parts(Candidate candidate, Money referencePrice) {
    if (candidate == null) {
      throw ValidationException.of("candidate", "must not be null");
    }
    double proximity = proximity(candidate);
    double priceRatio = priceRatio(candidate, referencePrice);
    return List.of(
        part(
            Signal.RELIABILITY,
            candidate.reliability(),
            candidate.reliability() / 100,
            policy.reliabilityWeight()),
        part(
            Signal.RATING, candidate.rating(), (candidate.rating() - 1) / 4, policy.ratingWeight()),
        part(Signal.PROXIMITY, candidate.travelMinutes(), proximity, policy.proximityWeight()),
        part(Signal.PRICE, priceRatio, priceScore(priceRatio), policy.priceWeight()),
        new RankPart(
            Signal.PLAN_BOOST,
            candidate.planBoost(),
            candidate.planBoost(),
            policy.maxBoostPoints(),
            candidate.planBoost() * policy.maxBoostPoints()));
  }

  /** Total points; the same sum as {@link #parts}, without allocating. */
  double total(Candidate c, Money referencePrice) {
    return 100 * policy.reliabilityWeight() * (c.reliability() / 100)
        + 100 * policy.ratingWeight() * ((c.rating() - 1) / 4)
        + 100 * policy.proximityWeight() * proximity(c)
        + 100 * policy.priceWeight() * priceScore(priceRatio(c, referencePrice))
        + c.planBoost() * policy.maxBoostPoints();
  }

  /** Whether candidate {@code i} ranks before candidate {@code j}. */
  static boolean before(Candidate[] all, double[] totals, int i, int j) {
    int byTotal = Double.compare(totals[j], totals[i]);
    if (byTotal != 0) {
      return byTotal < 0;
    }
    int byReliability = Double.compare(all[j].reliability(), all[i].reliability());
    if (byReliability != 0) {
      return byReliability < 0;
    }
    return all[i].pro().value().compareTo(all[j].pro().value()) < 0;
  }

  private RankPart part(Signal signal, double input, double normalized, double weight) {
    return new RankPart(signal, input, normalized, weight, 100 * weight * normalized);
  }

  private double proximity(Candidate c) {
    return Math.max(0, 1 - (double) c.travelMinutes() / policy.maxTravelMinutes());
  }

  /** Quote / reference, or 1 (neutral) when either is missing. */
  private static double priceRatio(Candidate c, Money referencePrice) {
    if (c.price() == null || referencePrice == null) {
      return 1;
    }
    if (!c.price().currency().equals(referencePrice.currency())) {
      throw new CurrencyMismatchException(referencePrice.currency(), c.price().currency());
    }
    // A ratio of two amounts is a score, not money: double is fine here.
    return (double) c.price().minorUnits() / referencePrice.minorUnits();
  }

  private static double priceScore(double ratio) {
    return Math.max(0, Math.min(1, 1 - ratio / 2));
  }
}
