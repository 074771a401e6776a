package dev.oficio.shared;

/**
 * A write lost an optimistic-locking race: the aggregate changed since it was read. Retrying the
 * whole command (with the same idempotency key) is safe.
 */
public final class ConcurrencyException extends OficioException {
  private static final long serialVersionUID = 1L;

  /**
   * @param aggregate the aggregate type and id
   * @param expectedVersion the version the writer read
   */
  public ConcurrencyException(String aggregate, long expectedVersion) {
    super(aggregate + " was changed by someone else (expected version " + expectedVersion + ")");
  }
}
