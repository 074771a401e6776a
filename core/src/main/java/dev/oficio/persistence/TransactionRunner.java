package dev.oficio.persistence;

import java.util.function.Supplier;

/**
 * Port that runs a unit of work atomically: every repository write inside {@code work} commits
 * together or not at all. A call made inside another unit of work joins it. Payment gateways are
 * never called inside a unit of work (record intent, call, record result).
 *
 * <p>Implementations are thread-safe.
 */
public interface TransactionRunner {

  /** Runs {@code work} in a unit of work and returns its result; an exception rolls it back. */
  <T> T inTransaction(Supplier<T> work);

  /** Runs {@code work} in a unit of work. */
  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * The in-memory runner: units of work are serialised by one reentrant lock, so in-memory
   * repositories see no interleaving. It cannot roll back; in-memory repositories validate before
   * they write, so a failing unit leaves at most the writes made before the failure.
   */
  static TransactionRunner inMemory() {
    return new InMemoryTransactionRunner();
  }
}
