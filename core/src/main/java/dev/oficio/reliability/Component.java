package dev.oficio.reliability;

/**
 * The parts of a reliability score. Each is a value in [0, 1] where higher is better, shrunk toward
 * the platform prior of the {@link ReliabilityModel}:
 *
 * <ul>
 *   <li>rate components ({@link #COMPLETION}, {@link #PUNCTUALITY}, {@link #RESPONSIVENESS}) are
 *       the Beta-binomial posterior mean of the good outcome: {@code (good + p·k) / (n + k)} for
 *       prior mean {@code p} and prior strength {@code k};
 *   <li>failure-rate components ({@link #CANCELLATION}, {@link #NO_SHOW}, {@link #DISPUTES}) are
 *       one minus the posterior mean of the failure rate, {@code 1 − (bad + p·k) / (n + k)}
 *       (floored at 0);
 *   <li>{@link #RATING} is the Bayesian average {@code (Σstars + C·m) / (n + m)} mapped from 1–5
 *       stars to [0, 1].
 * </ul>
 */
public enum Component {
  /** Booked jobs carried out: completed / (completed + cancelled + pro no-shows). */
  COMPLETION(Kind.GOOD_RATE, "completion"),
  /** Completed jobs where the pro arrived within the model's late tolerance. */
  PUNCTUALITY(Kind.GOOD_RATE, "punctuality"),
  /** Leads answered within the model's response target (business minutes); ignored leads fail. */
  RESPONSIVENESS(Kind.GOOD_RATE, "responsiveness"),
  /** Cancellation rate: pro cancellations / (completed + cancelled); short notice weighs fully. */
  CANCELLATION(Kind.FAILURE_RATE, "cancellation"),
  /** No-show rate: pro no-shows / (completed + pro no-shows); customer no-shows are excluded. */
  NO_SHOW(Kind.FAILURE_RATE, "noShow"),
  /** Bayesian average of the 1–5 star ratings. */
  RATING(Kind.MEAN, "rating"),
  /** Disputes lost per completed job; won disputes are excluded. */
  DISPUTES(Kind.FAILURE_RATE, "disputes");

  /** How a component's observed counters become a value. */
  public enum Kind {
    /** A share of good outcomes; the prior is the platform's good-outcome rate. */
    GOOD_RATE,
    /** A share of failures; the prior is the platform's failure rate; the value is 1 − rate. */
    FAILURE_RATE,
    /** A mean of 1–5 stars; the prior is the platform's mean rating. */
    MEAN
  }

  private final Kind kind;
  private final String jsonName;

  Component(Kind kind, String jsonName) {
    this.kind = kind;
    this.jsonName = jsonName;
  }

  /** How the component is computed. */
  public Kind kind() {
    return kind;
  }

  /** The component's name in JSON output, e.g. {@code noShow}. */
  public String jsonName() {
    return jsonName;
  }
}
