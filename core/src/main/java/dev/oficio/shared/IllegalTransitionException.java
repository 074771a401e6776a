package dev.oficio.shared;

/**
 * An aggregate was asked to do something its current state does not allow, such as capturing a
 * voided payment. Carries the aggregate type, its state and the refused action.
 */
public final class IllegalTransitionException extends OficioException {
  private static final long serialVersionUID = 1L;

  private final String aggregate;
  private final String from;
  private final String action;

  /**
   * @param aggregate the aggregate type and id, e.g. {@code "Job job_12"}
   * @param from the state it is in
   * @param action the refused transition
   */
  public IllegalTransitionException(String aggregate, Object from, String action) {
    super(aggregate + " cannot " + action + " from state " + from);
    this.aggregate = aggregate;
    this.from = String.valueOf(from);
    this.action = action;
  }

  /** The aggregate type and id. */
  public String aggregate() {
    return aggregate;
  }

  /** The state the aggregate was in. */
  public String from() {
    return from;
  }

  /** The transition that was refused. */
  public String action() {
    return action;
  }
}
