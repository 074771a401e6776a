package dev.oficio.fees;

import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import dev.oficio.shared.ValidationException.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One immutable version of the platform's fee terms: its rules (the platform fee taken from the
 * pro), its customer rules (a service fee added to the customer's price), the processor fee model,
 * the optional tax on the platform fee (Puerto Rico IVU) and the rounding mode applied once to
 * every computed amount.
 *
 * <p>A schedule is never edited: publishing new terms means building a new version and adding it to
 * {@link FeeSchedules}. Quotes already frozen on jobs keep the version they were computed with.
 *
 * <p>{@link Builder#build()} rejects, with one {@link ValidationException} naming each rule and
 * field ({@code rules[pro-plan].tiers[1].upTo}): a schedule without a default rule, two rules with
 * the same match (hence equal specificity), tiers that are not strictly increasing, negative
 * amounts, a minimum above the maximum, an amount in another currency, and duplicate rule names.
 * Thread-safe.
 */
public final class FeeSchedule {
  private final String id;
  private final int version;
  private final Currency currency;
  private final Instant effectiveFrom;
  private final RoundingMode rounding;
  private final ProcessorFee processorFee;
  private final Rate taxOnFee;
  private final List<FeeRule> rules;
  private final List<FeeRule> customerRules;
  // Tax and processor rates compiled for long arithmetic; null when too fine (BigDecimal then).
  private final ScaledRate scaledTax;
  private final ScaledRate scaledProcessor;
  private final Money zero;

  private FeeSchedule(Builder builder, List<FeeRule> rules, List<FeeRule> customerRules) {
    this.id = builder.id;
    this.version = builder.version;
    this.currency = builder.currency;
    this.effectiveFrom = builder.effectiveFrom;
    this.rounding = builder.rounding;
    this.processorFee =
        builder.processorFee == null ? ProcessorFee.none(builder.currency) : builder.processorFee;
    this.taxOnFee = builder.taxOnFee;
    this.rules = List.copyOf(rules);
    this.customerRules = List.copyOf(customerRules);
    this.zero = Money.zero(currency);
    int taxScale = ScaledRate.commonScale(taxOnFee);
    this.scaledTax = taxScale < 0 ? null : ScaledRate.of(taxOnFee, taxScale);
    int processorScale = ScaledRate.commonScale(processorFee.percent());
    this.scaledProcessor =
        processorScale < 0 ? null : ScaledRate.of(processorFee.percent(), processorScale);
  }

  /** Zero in this schedule's currency, shared by the quotes. */
  Money zero() {
    return zero;
  }

  /** The tax on a rounded platform fee, in minor units, rounded with this schedule's mode. */
  long taxOn(long feeMinor) {
    if (feeMinor == 0 || taxOnFee.isZero()) {
      return 0;
    }
    if (scaledTax != null) {
      try {
        return ScaledRate.divide(
            Math.multiplyExact(feeMinor, scaledTax.units()), scaledTax.denominator(), rounding);
      } catch (ArithmeticException overflow) {
        // fall through to BigDecimal
      }
    }
    return BigDecimal.valueOf(feeMinor)
        .multiply(taxOnFee.asFraction())
        .setScale(0, rounding)
        .longValueExact();
  }

  /** The processor fee on the amount charged, in minor units; zero when nothing is charged. */
  long processorFeeOn(long chargedMinor) {
    if (processorFee.model() == ProcessorFee.Model.NONE || chargedMinor <= 0) {
      return 0;
    }
    long fixedMinor = processorFee.fixed().minorUnits();
    if (scaledProcessor != null) {
      try {
        long numerator =
            Math.addExact(
                Math.multiplyExact(chargedMinor, scaledProcessor.units()),
                Math.multiplyExact(fixedMinor, scaledProcessor.denominator()));
        return ScaledRate.divide(numerator, scaledProcessor.denominator(), rounding);
      } catch (ArithmeticException overflow) {
        // fall through to BigDecimal
      }
    }
    return BigDecimal.valueOf(chargedMinor)
        .multiply(processorFee.percent().asFraction())
        .add(BigDecimal.valueOf(fixedMinor))
        .setScale(0, rounding)
        .longValueExact();
  }

  /**
   * Starts a schedule.
   *
   * @param id the schedule's stable id, e.g. {@code oficio-default}
   * @param version its version, 1 or more; higher versions supersede lower ones
   * @param currency the currency of every amount
   * @param effectiveFrom the instant from which this version applies
   */
  public static Builder builder(String id, int version, Currency currency, Instant effectiveFrom) {
    return new Builder(id, version, currency, effectiveFrom);
  }

  /** The schedule's id, shared by all its versions. */
  public String id() {
    return id;
  }

  /** The version number, 1 or more. */
  public int version() {
    return version;
  }

  /** The currency of every amount. */
  public Currency currency() {
    return currency;
  }

  /** The instant from which this version applies. */
  public Instant effectiveFrom() {
    return effectiveFrom;
  }

  /** The rounding mode applied once to each computed amount; {@code HALF_UP} by default. */
  public RoundingMode rounding() {
    return rounding;
  }

  /** The processor fee model and who bears it; {@link ProcessorFee.Model#NONE} by default. */
  public ProcessorFee processorFee() {
    return processorFee;
  }

  /** The tax on the platform fee (e.g. IVU); {@link Rate#ZERO}, meaning off, by default. */
  public Rate taxOnFee() {
    return taxOnFee;
  }

  /** The platform fee rules, in the order given; exactly one is the default. */
  public List<FeeRule> rules() {
    return rules;
  }

  /** The customer service fee rules, possibly empty (no service fee). */
  public List<FeeRule> customerRules() {
    return customerRules;
  }

  /** The platform fee rule that applies to a job: the matching rule of highest specificity. */
  public FeeRule ruleFor(ProId proId, String plan, String category) {
    // A default rule always exists, so the search cannot come back empty.
    return mostSpecific(rules, proId, plan, category);
  }

  /** The customer rule that applies to a job, if any matches. */
  public Optional<FeeRule> customerRuleFor(ProId proId, String plan, String category) {
    return Optional.ofNullable(customerRuleOrNull(proId, plan, category));
  }

  FeeRule customerRuleOrNull(ProId proId, String plan, String category) {
    return customerRules.isEmpty() ? null : mostSpecific(customerRules, proId, plan, category);
  }

  /** A builder holding this schedule's settings, e.g. to publish the next version. */
  public Builder toBuilder() {
    Builder builder =
        new Builder(id, version, currency, effectiveFrom)
            .rounding(rounding)
            .processorFee(processorFee)
            .taxOnFee(taxOnFee);
    rules.forEach(rule -> builder.rule(rule.toBuilder()));
    customerRules.forEach(rule -> builder.customerRule(rule.toBuilder()));
    return builder;
  }

  private static FeeRule mostSpecific(
      List<FeeRule> candidates, ProId proId, String plan, String category) {
    FeeRule best = null;
    int bestSpecificity = -1;
    for (FeeRule rule : candidates) {
      FeeMatch match = rule.match();
      if (match.matches(proId, plan, category) && match.specificity() > bestSpecificity) {
        best = rule;
        bestSpecificity = match.specificity();
      }
    }
    return best;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeeSchedule that
        && id.equals(that.id)
        && version == that.version
        && currency.equals(that.currency)
        && effectiveFrom.equals(that.effectiveFrom)
        && rounding == that.rounding
        && processorFee.equals(that.processorFee)
        && taxOnFee.equals(that.taxOnFee)
        && rules.equals(that.rules)
        && customerRules.equals(that.customerRules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, effectiveFrom, rules);
  }

  @Override
  public String toString() {
    return "FeeSchedule[" + id + " v" + version + " from " + effectiveFrom + "]";
  }

  /** Collects a schedule's settings; not thread-safe. */
  public static final class Builder {
    private final String id;
    private final int version;
    private final Currency currency;
    private final Instant effectiveFrom;
    private RoundingMode rounding = RoundingMode.HALF_UP;
    private ProcessorFee processorFee;
    private Rate taxOnFee = Rate.ZERO;
    private final List<FeeRule.Builder> rules = new ArrayList<>();
    private final List<FeeRule.Builder> customerRules = new ArrayList<>();

    private Builder(String id, int version, Currency currency, Instant effectiveFrom) {
      this.id = id;
      this.version = version;
      this.currency = currency;
      this.effectiveFrom = effectiveFrom;
    }

    /** The rounding mode; default {@code HALF_UP}. {@code UNNECESSARY} is rejected. */
    public Builder rounding(RoundingMode rounding) {
      this.rounding = rounding;
      return this;
    }

    /** The processor fee model; default none. */
    public Builder processorFee(ProcessorFee processorFee) {
      this.processorFee = processorFee;
      return this;
    }

    /** The tax on the platform fee (IVU), {@link Rate#ZERO} for none (the default). */
    public Builder taxOnFee(Rate taxOnFee) {
      this.taxOnFee = taxOnFee;
      return this;
    }

    /** Adds a platform fee rule. */
    public Builder rule(FeeRule.Builder rule) {
      rules.add(rule);
      return this;
    }

    /** Adds a platform fee rule. */
    public Builder rule(FeeRule rule) {
      return rule(rule == null ? null : rule.toBuilder());
    }

    /** Adds a customer service fee rule. */
    public Builder customerRule(FeeRule.Builder rule) {
      customerRules.add(rule);
      return this;
    }

    /** Adds a customer service fee rule. */
    public Builder customerRule(FeeRule rule) {
      return customerRule(rule == null ? null : rule.toBuilder());
    }

    /**
     * Builds the schedule.
     *
     * @throws ValidationException listing every violation, each naming the rule and field
     */
    public FeeSchedule build() {
      List<Violation> found = new ArrayList<>();
      if (id == null || id.isBlank()) {
        found.add(new Violation("id", "must not be blank"));
      }
      if (version < 1) {
        found.add(new Violation("version", version + " must be 1 or more"));
      }
      if (currency == null) {
        found.add(new Violation("currency", "must not be null"));
        throw new ValidationException(found);
      }
      if (currency.getDefaultFractionDigits() < 0) {
        found.add(new Violation("currency", currency + " has no minor unit"));
        throw new ValidationException(found);
      }
      if (effectiveFrom == null) {
        found.add(new Violation("effectiveFrom", "must not be null"));
      }
      if (rounding == null) {
        found.add(new Violation("rounding", "must not be null"));
      } else if (rounding == RoundingMode.UNNECESSARY) {
        found.add(new Violation("rounding", "UNNECESSARY cannot round a fee; use e.g. HALF_UP"));
      }
      if (processorFee != null && !processorFee.fixed().currency().equals(currency)) {
        found.add(
            new Violation(
                "processorFee.fixed",
                "currency "
                    + processorFee.fixed().currency()
                    + " does not match the schedule's "
                    + currency));
      }
      if (taxOnFee == null) {
        found.add(new Violation("taxOnFee", "must not be null; use Rate.ZERO for none"));
      }
      List<FeeRule> builtRules = check("rules", rules, true, found);
      List<FeeRule> builtCustomerRules = check("customerRules", customerRules, false, found);
      if (!found.isEmpty()) {
        throw new ValidationException(found);
      }
      return new FeeSchedule(this, builtRules, builtCustomerRules);
    }

    private List<FeeRule> check(
        String collection,
        List<FeeRule.Builder> builders,
        boolean needsDefault,
        List<Violation> found) {
      List<FeeRule> built = new ArrayList<>();
      Set<String> names = new HashSet<>();
      Map<FeeMatch, String> byMatch = new HashMap<>();
      boolean hasDefault = false;
      for (int i = 0; i < builders.size(); i++) {
        FeeRule.Builder rule = builders.get(i);
        if (rule == null) {
          found.add(new Violation(collection + "[" + i + "]", "must not be null"));
          continue;
        }
        String path = collection + "[" + rule.name() + "]";
        List<Violation> ruleViolations = rule.violations(collection);
        if (rule.currency() != null && !currency.equals(rule.currency())) {
          ruleViolations.add(
              new Violation(
                  path + ".currency",
                  "currency " + rule.currency() + " does not match the schedule's " + currency));
        }
        if (rule.name() != null && !names.add(rule.name())) {
          ruleViolations.add(
              new Violation(path + ".name", "duplicates another rule's name in " + collection));
        }
        FeeMatch match = rule.match();
        if (match != null) {
          hasDefault |= match.isDefault();
          String other = byMatch.putIfAbsent(match, rule.name());
          if (other != null) {
            ruleViolations.add(
                new Violation(
                    path + ".match",
                    "has the same specificity ("
                        + match.specificity()
                        + ") as "
                        + collection
                        + "["
                        + other
                        + "] and matches the same jobs "
                        + match
                        + "; the winner would be ambiguous"));
          }
        }
        if (ruleViolations.isEmpty()) {
          built.add(rule.build(collection));
        } else {
          found.addAll(ruleViolations);
        }
      }
      if (needsDefault && !hasDefault) {
        found.add(
            new Violation(
                collection, "must have a default rule (an empty match) so every job has a fee"));
      }
      return built;
    }
  }
}
