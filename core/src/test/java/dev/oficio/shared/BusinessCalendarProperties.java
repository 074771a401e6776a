package dev.oficio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BusinessCalendarProperties {
  private final BusinessCalendar calendar = BusinessCalendar.puertoRico();

  @Test
  void businessTimeBetweenIsTheInverseOfAddBusinessTime() {
    // Instants between 2025 and 2030, durations up to 200 business hours, minute precision.
    qt().forAll(longs().between(1_735_689_600L, 1_893_456_000L), longs().between(0, 12_000))
        .checkAssert(
            (epochSecond, minutes) -> {
              Instant start = Instant.ofEpochSecond(epochSecond);
              Duration amount = Duration.ofMinutes(minutes);
              Instant deadline = calendar.addBusinessTime(start, amount);
              assertThat(deadline).isAfterOrEqualTo(start);
              assertThat(calendar.businessTimeBetween(start, deadline)).isEqualTo(amount);
            });
  }
}
