package dev.oficio.fees;

import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The published versions of one fee schedule, answering which version is effective at an instant.
 * Publishing ({@link #publish(FeeSchedule)}) returns a new registry: versions already published,
 * and the quotes computed with them, never change. Immutable and thread-safe.
 */
public final class FeeSchedules {
  private final List<FeeSchedule> versions;

  private FeeSchedules(List<FeeSchedule> versions) {
    this.versions = List.copyOf(versions);
  }

  /**
   * A registry of {@code schedules}, all versions of one schedule id.
   *
   * @throws ValidationException if the list is empty, mixes ids or currencies, repeats a version,
   *     or a higher version takes effect before a lower one
   */
  public static FeeSchedules of(List<FeeSchedule> schedules) {
    if (schedules == null || schedules.isEmpty()) {
      throw ValidationException.of("schedules", "must hold at least one schedule");
    }
    FeeSchedules registry = new FeeSchedules(List.of(requireSchedule(schedules.get(0), 0)));
    for (int i = 1; i < schedules.size(); i++) {
      registry = registry.publish(requireSchedule(schedules.get(i), i));
    }
    return registry;
  }

  /** A registry holding one schedule. */
  public static FeeSchedules of(FeeSchedule schedule) {
    return of(List.of(requireSchedule(schedule, 0)));
  }

  /**
   * This registry plus {@code next}.
   *
   * @throws ValidationException if {@code next} has another id or currency, reuses a version, or
   *     takes effect before a lower version
   */
  public FeeSchedules publish(FeeSchedule next) {
    requireSchedule(next, versions.size());
    FeeSchedule first = versions.get(0);
    if (!first.id().equals(next.id())) {
      throw ValidationException.of(
          "id", "'" + next.id() + "' is not a version of schedule '" + first.id() + "'");
    }
    if (!first.currency().equals(next.currency())) {
      throw ValidationException.of(
          "currency", next.currency() + " differs from the schedule's " + first.currency());
    }
    for (FeeSchedule existing : versions) {
      if (existing.version() == next.version()) {
        throw ValidationException.of("version", next.version() + " is already published");
      }
      boolean misordered =
          existing.version() < next.version()
              ? existing.effectiveFrom().isAfter(next.effectiveFrom())
              : existing.effectiveFrom().isBefore(next.effectiveFrom());
      if (misordered) {
        throw ValidationException.of(
            "effectiveFrom",
            "version "
                + next.version()
                + " effective "
                + next.effectiveFrom()
                + " is out of order with version "
                + existing.version()
                + " effective "
                + existing.effectiveFrom());
      }
    }
    List<FeeSchedule> all = new ArrayList<>(versions);
    all.add(next);
    all.sort(Comparator.comparingInt(FeeSchedule::version));
    return new FeeSchedules(all);
  }

  /**
   * The version in effect at {@code at}: the highest version whose {@code effectiveFrom} is at or
   * before it.
   *
   * @throws NotFoundException if no version is in effect yet at {@code at}
   */
  public FeeSchedule effectiveAt(Instant at) {
    if (at == null) {
      throw ValidationException.of("at", "must not be null");
    }
    for (int i = versions.size() - 1; i >= 0; i--) {
      FeeSchedule candidate = versions.get(i);
      if (!candidate.effectiveFrom().isAfter(at)) {
        return candidate;
      }
    }
    throw new NotFoundException("Fee schedule effective at", at);
  }

  /** The given version, if published. */
  public Optional<FeeSchedule> version(int version) {
    return versions.stream().filter(s -> s.version() == version).findFirst();
  }

  /** Every published version, lowest first. */
  public List<FeeSchedule> versions() {
    return versions;
  }

  private static FeeSchedule requireSchedule(FeeSchedule schedule, int index) {
    if (schedule == null) {
      throw ValidationException.of("schedules[" + index + "]", "must not be null");
    }
    return schedule;
  }
}
