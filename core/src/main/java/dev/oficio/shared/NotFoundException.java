package dev.oficio.shared;

/** Something was looked up by id and does not exist. */
public final class NotFoundException extends OficioException {
  private static final long serialVersionUID = 1L;

  /**
   * @param what the kind of thing, e.g. {@code "Job"}
   * @param id its id as text
   */
  public NotFoundException(String what, Object id) {
    super(what + " " + id + " not found");
  }
}
