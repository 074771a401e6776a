package dev.oficio.fees;

import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;

/**
 * Which jobs a {@link FeeRule} applies to: any of a pro, a subscription plan and a service
 * category. A field that is {@code null} matches anything; an empty match is the default rule.
 *
 * <p>Specificity decides between several matching rules: a pro counts 4, a plan 2, a category 1,
 * and the matching rule with the highest total wins. Because the weights are powers of two, two
 * rules with the same specificity constrain the same fields. Immutable.
 *
 * @param proId the pro, or {@code null} for any
 * @param plan the pro's plan name (e.g. {@code PRO}), or {@code null} for any; never blank
 * @param category the job's service category (e.g. {@code electrical}), or {@code null} for any;
 *     never blank
 */
public record FeeMatch(ProId proId, String plan, String category) {

  /** The match of the default rule: every job. */
  public static final FeeMatch ANY = new FeeMatch(null, null, null);

  /** Rejects blank names. */
  public FeeMatch {
    if (plan != null && plan.isBlank()) {
      throw ValidationException.of("match.plan", "must not be blank; omit it to match any plan");
    }
    if (category != null && category.isBlank()) {
      throw ValidationException.of(
          "match.category", "must not be blank; omit it to match any category");
    }
  }

  /** Matches every job of {@code proId}. */
  public static FeeMatch pro(ProId proId) {
    return new FeeMatch(proId, null, null);
  }

  /** Matches every job of a pro on {@code plan}. */
  public static FeeMatch plan(String plan) {
    return new FeeMatch(null, plan, null);
  }

  /** Matches every job in {@code category}. */
  public static FeeMatch category(String category) {
    return new FeeMatch(null, null, category);
  }

  /** This match also requiring {@code plan}. */
  public FeeMatch withPlan(String plan) {
    return new FeeMatch(proId, plan, category);
  }

  /** This match also requiring {@code category}. */
  public FeeMatch withCategory(String category) {
    return new FeeMatch(proId, plan, category);
  }

  /** This match also requiring {@code proId}. */
  public FeeMatch withPro(ProId proId) {
    return new FeeMatch(proId, plan, category);
  }

  /** Whether this is the default match (no field set). */
  public boolean isDefault() {
    return proId == null && plan == null && category == null;
  }

  /** proId 4 + plan 2 + category 1, counting the fields that are set. */
  public int specificity() {
    return (proId != null ? 4 : 0) + (plan != null ? 2 : 0) + (category != null ? 1 : 0);
  }

  /** Whether a job of {@code proId} on {@code plan} in {@code category} matches. */
  public boolean matches(ProId proId, String plan, String category) {
    return (this.proId == null || this.proId.equals(proId))
        && (this.plan == null || this.plan.equals(plan))
        && (this.category == null || this.category.equals(category));
  }

  @Override
  public String toString() {
    if (isDefault()) {
      return "{}";
    }
    StringBuilder text = new StringBuilder("{");
    if (proId != null) {
      text.append("proId=").append(proId);
    }
    if (plan != null) {
      text.append(text.length() > 1 ? ", " : "").append("plan=").append(plan);
    }
    if (category != null) {
      text.append(text.length() > 1 ? ", " : "").append("category=").append(category);
    }
    return text.append('}').toString();
  }
}
