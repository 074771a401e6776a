package dev.oficio.shared;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Port that makes new ids. Core never calls {@code UUID.randomUUID()} itself: production hosts
 * inject {@link #uuid()}, tests and the examples inject {@link #sequential()} so every run produces
 * the same ids.
 *
 * <p>Implementations must be thread-safe and never return the same id twice for a prefix.
 */
public interface IdGenerator {

  /**
   * A new id string that starts with {@code prefix} and a dash, e.g. {@code job-…}.
   *
   * @param prefix a short lower-case kind, such as {@code job} or {@code pay}
   */
  String next(String prefix);

  /** A new typed id: {@code ids.next("job", JobId::of)}. */
  default <T> T next(String prefix, Function<String, T> factory) {
    return factory.apply(next(prefix));
  }

  /** Random ids: {@code prefix-<uuid>}. */
  static IdGenerator uuid() {
    return prefix -> checkPrefix(prefix) + "-" + UUID.randomUUID();
  }

  /**
   * Deterministic ids for tests and examples: {@code job-000001}, {@code job-000002}, … counted per
   * prefix.
   */
  static IdGenerator sequential() {
    Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    return prefix ->
        String.format(
            "%s-%06d",
            checkPrefix(prefix),
            counters.computeIfAbsent(prefix, p -> new AtomicLong()).incrementAndGet());
  }

  private static String checkPrefix(String prefix) {
    if (prefix == null || !prefix.matches("[a-z][a-z0-9_]{0,15}")) {
      throw ValidationException.of(
          "prefix", "must be 1 to 16 lower-case letters, digits or '_', was '" + prefix + "'");
    }
    return prefix;
  }
}
