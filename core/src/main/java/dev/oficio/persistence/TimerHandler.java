package dev.oficio.persistence;

/**
 * Runs one kind of timer. Called inside a unit of work together with marking the timer done, so its
 * repository writes and the completion commit together. Throwing schedules a retry.
 */
@FunctionalInterface
public interface TimerHandler {

  /** Does the timer's work. */
  void handle(ScheduledTimer timer);
}
