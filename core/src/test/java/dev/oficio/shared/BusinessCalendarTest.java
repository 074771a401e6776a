package dev.oficio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
  private final BusinessCalendar calendar = BusinessCalendar.puertoRico();

  private static Instant pr(String localDateTime) {
    // Puerto Rico is UTC−4 all year.
    return OffsetDateTime.parse(localDateTime + "-04:00").toInstant();
  }

  @Test
  void knowsPuertoRicoHolidaysOf2026() {
    assertThat(calendar.holidays(2026).keySet())
        .containsExactly(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 1, 6),
            LocalDate.of(2026, 1, 12),
            LocalDate.of(2026, 1, 19),
            LocalDate.of(2026, 2, 16),
            LocalDate.of(2026, 3, 23), // 22 March falls on a Sunday: observed Monday
            LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 7, 4),
            LocalDate.of(2026, 7, 25),
            LocalDate.of(2026, 9, 7),
            LocalDate.of(2026, 10, 12),
            LocalDate.of(2026, 11, 11),
            LocalDate.of(2026, 11, 19),
            LocalDate.of(2026, 11, 26),
            LocalDate.of(2026, 12, 25));
    assertThat(calendar.holidays(2026).get(LocalDate.of(2026, 1, 6))).isEqualTo("Día de Reyes");
  }

  @Test
  void computesEaster() {
    assertThat(BusinessCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(BusinessCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
    assertThat(BusinessCalendar.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
  }

  @Test
  void deadlineSkipsNightsAndWeekends() {
    // Friday 15:00 + 4 business hours: 2 on Friday, 2 on Monday.
    assertThat(calendar.addBusinessHours(pr("2026-12-04T15:00:00"), 4))
        .isEqualTo(pr("2026-12-07T10:00:00"));
    // Starting at night counts from the next opening.
    assertThat(calendar.addBusinessHours(pr("2026-12-01T22:30:00"), 1))
        .isEqualTo(pr("2026-12-02T09:00:00"));
  }

  @Test
  void deadlineSkipsHolidays() {
    // Discovery Day (Thursday 19 November 2026) is closed.
    assertThat(calendar.addBusinessHours(pr("2026-11-18T16:00:00"), 2))
        .isEqualTo(pr("2026-11-20T09:00:00"));
    // Christmas Friday, then the weekend.
    assertThat(calendar.addBusinessHours(pr("2026-12-24T16:00:00"), 2))
        .isEqualTo(pr("2026-12-28T09:00:00"));
  }

  @Test
  void measuresBusinessTimeBetweenInstants() {
    assertThat(calendar.businessTimeBetween(pr("2026-12-04T15:00:00"), pr("2026-12-07T10:00:00")))
        .isEqualTo(Duration.ofHours(4));
    assertThat(calendar.businessTimeBetween(pr("2026-12-05T09:00:00"), pr("2026-12-06T18:00:00")))
        .isZero();
    assertThat(calendar.businessTimeBetween(pr("2026-12-07T10:00:00"), pr("2026-12-07T09:00:00")))
        .isZero();
  }

  @Test
  void businessTimeAndExtraHolidaysAreConfigurable() {
    BusinessCalendar custom =
        BusinessCalendar.builder()
            .hours(LocalTime.of(9, 0), LocalTime.of(12, 0))
            .extraHoliday(LocalDate.of(2026, 12, 7), "Cierre por huracán")
            .build();
    assertThat(custom.isBusinessTime(pr("2026-12-04T11:59:00"))).isTrue();
    assertThat(custom.isBusinessTime(pr("2026-12-04T12:00:00"))).isFalse();
    assertThat(custom.isHoliday(LocalDate.of(2026, 12, 7))).isTrue();
    assertThat(custom.addBusinessHours(pr("2026-12-04T11:00:00"), 2))
        .isEqualTo(pr("2026-12-08T10:00:00"));
  }

  @Test
  void rejectsNegativeDurationsAndBadHours() {
    assertThatThrownBy(() -> calendar.addBusinessHours(Instant.EPOCH, -1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("hours");
    assertThatThrownBy(
            () -> BusinessCalendar.builder().hours(LocalTime.of(17, 0), LocalTime.of(8, 0)))
        .isInstanceOf(ValidationException.class);
  }
}
