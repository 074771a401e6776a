/**
 * Oficio core: the pure domain of a home-services marketplace's trust and money rules, its ports
 * and in-memory implementations. Depends only on Jakarta Validation and SLF4J.
 */
module dev.oficio.core {
  requires transitive jakarta.validation;
  requires org.slf4j;

  exports dev.oficio;
  exports dev.oficio.shared;
  exports dev.oficio.ledger;
  exports dev.oficio.persistence;
  exports dev.oficio.payments;
  exports dev.oficio.payments.simulated;
  exports dev.oficio.jobs;
  exports dev.oficio.fees;
}
