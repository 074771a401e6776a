package dev.oficio.shared;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business hours in {@code America/Puerto_Rico} (UTC−4 all year, no daylight saving), with Puerto
 * Rico's public holidays. SLA clocks (operator review, concierge response, dunning) run on it:
 * {@code deadline = addBusinessHours(start, 8)}.
 *
 * <p>Holidays are the ones the Puerto Rico government observes: New Year's Day, Three Kings Day (6
 * January), Eugenio María de Hostos (2nd Monday of January), Martin Luther King Jr. (3rd Monday of
 * January), Presidents' Day (3rd Monday of February), Emancipation Day (22 March), Good Friday,
 * Memorial Day (last Monday of May), Independence Day (4 July), Constitution Day (25 July), Labor
 * Day (1st Monday of September), Día de la Raza (2nd Monday of October), Veterans Day (11
 * November), Discovery of Puerto Rico (19 November), Thanksgiving (4th Thursday of November) and
 * Christmas. A fixed-date holiday that falls on a Sunday is observed on the Monday. Hosts may add
 * their own closures with {@link Builder#extraHoliday}.
 *
 * <p>Immutable and thread-safe.
 */
public final class BusinessCalendar {

  /** Puerto Rico's time zone. */
  public static final ZoneId PUERTO_RICO = ZoneId.of("America/Puerto_Rico");

  private final ZoneId zone;
  private final LocalTime opens;
  private final LocalTime closes;
  private final Set<DayOfWeek> workingDays;
  private final Map<LocalDate, String> extraHolidays;
  private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new ConcurrentHashMap<>();

  private BusinessCalendar(Builder builder) {
    this.zone = builder.zone;
    this.opens = builder.opens;
    this.closes = builder.closes;
    this.workingDays = Collections.unmodifiableSet(EnumSet.copyOf(builder.workingDays));
    this.extraHolidays = Collections.unmodifiableMap(new TreeMap<>(builder.extraHolidays));
  }

  /** Monday to Friday, 08:00–17:00 Puerto Rico time, Puerto Rico's public holidays. */
  public static BusinessCalendar puertoRico() {
    return builder().build();
  }

  /** A builder starting from {@link #puertoRico()}'s settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The calendar's time zone. */
  public ZoneId zone() {
    return zone;
  }

  /** The public holidays of {@code year} (observed dates) with their names, in date order. */
  public Map<LocalDate, String> holidays(int year) {
    return holidaysByYear.computeIfAbsent(year, this::computeHolidays);
  }

  /** Whether {@code date} is a public holiday (or an added closure). */
  public boolean isHoliday(LocalDate date) {
    return holidays(date.getYear()).containsKey(date);
  }

  /** Whether {@code date} is a working day: a working weekday that is not a holiday. */
  public boolean isBusinessDay(LocalDate date) {
    return workingDays.contains(date.getDayOfWeek()) && !isHoliday(date);
  }

  /** Whether {@code instant} falls within business hours. */
  public boolean isBusinessTime(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    LocalTime time = local.toLocalTime();
    return isBusinessDay(local.toLocalDate()) && !time.isBefore(opens) && time.isBefore(closes);
  }

  /**
   * The instant {@code amount} of business time after {@code start}: {@code deadline = start + N
   * business hours}. Time outside business hours does not count; a start outside business hours
   * begins counting at the next opening.
   *
   * @param amount non-negative
   */
  public Instant addBusinessTime(Instant start, Duration amount) {
    if (start == null) {
      throw ValidationException.of("start", "must not be null");
    }
    if (amount == null || amount.isNegative()) {
      throw ValidationException.of("amount", "must be zero or positive");
    }
    Duration remaining = amount;
    ZonedDateTime cursor = start.atZone(zone);
    LocalDate day = cursor.toLocalDate();
    while (true) {
      if (isBusinessDay(day)) {
        ZonedDateTime open = day.atTime(opens).atZone(zone);
        ZonedDateTime close = day.atTime(closes).atZone(zone);
        ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
        if (from.isBefore(close)) {
          Duration available = Duration.between(from, close);
          if (available.compareTo(remaining) >= 0) {
            return from.plus(remaining).toInstant();
          }
          remaining = remaining.minus(available);
        }
      }
      day = day.plusDays(1);
      cursor = day.atStartOfDay(zone);
    }
  }

  /** {@code addBusinessTime(start, Duration.ofHours(hours))}. */
  public Instant addBusinessHours(Instant start, long hours) {
    if (hours < 0) {
      throw ValidationException.of("hours", "must be zero or positive, was " + hours);
    }
    return addBusinessTime(start, Duration.ofHours(hours));
  }

  /**
   * The business time between two instants; zero when {@code to} is not after {@code from}. Inverse
   * of {@link #addBusinessTime}: {@code businessTimeBetween(s, addBusinessTime(s, d)) == d}.
   */
  public Duration businessTimeBetween(Instant from, Instant to) {
    if (from == null || to == null) {
      throw ValidationException.of(from == null ? "from" : "to", "must not be null");
    }
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    ZonedDateTime start = from.atZone(zone);
    ZonedDateTime end = to.atZone(zone);
    for (LocalDate day = start.toLocalDate();
        !day.isAfter(end.toLocalDate());
        day = day.plusDays(1)) {
      if (!isBusinessDay(day)) {
        continue;
      }
      ZonedDateTime open = day.atTime(opens).atZone(zone);
      ZonedDateTime close = day.atTime(closes).atZone(zone);
      ZonedDateTime a = start.isAfter(open) ? start : open;
      ZonedDateTime b = end.isBefore(close) ? end : close;
      if (b.isAfter(a)) {
        total = total.plus(Duration.between(a, b));
      }
    }
    return total;
  }

  private Map<LocalDate, String> computeHolidays(int year) {
    Map<LocalDate, String> days = new TreeMap<>();
    fixed(days, LocalDate.of(year, Month.JANUARY, 1), "Año Nuevo");
    fixed(days, LocalDate.of(year, Month.JANUARY, 6), "Día de Reyes");
    days.put(nthWeekday(year, Month.JANUARY, 2, DayOfWeek.MONDAY), "Natalicio de Hostos");
    days.put(nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY), "Martin Luther King Jr.");
    days.put(nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), "Día de los Presidentes");
    fixed(days, LocalDate.of(year, Month.MARCH, 22), "Día de la Abolición de la Esclavitud");
    days.put(easterSunday(year).minusDays(2), "Viernes Santo");
    days.put(
        LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
        "Día de la Recordación");
    fixed(days, LocalDate.of(year, Month.JULY, 4), "Día de la Independencia");
    fixed(days, LocalDate.of(year, Month.JULY, 25), "Día de la Constitución");
    days.put(nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), "Día del Trabajo");
    days.put(nthWeekday(year, Month.OCTOBER, 2, DayOfWeek.MONDAY), "Día de la Raza");
    fixed(days, LocalDate.of(year, Month.NOVEMBER, 11), "Día del Veterano");
    fixed(days, LocalDate.of(year, Month.NOVEMBER, 19), "Descubrimiento de Puerto Rico");
    days.put(nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY), "Acción de Gracias");
    fixed(days, LocalDate.of(year, Month.DECEMBER, 25), "Navidad");
    extraHolidays.forEach(
        (date, name) -> {
          if (date.getYear() == year) {
            days.putIfAbsent(date, name);
          }
        });
    return Collections.unmodifiableMap(days);
  }

  private static void fixed(Map<LocalDate, String> days, LocalDate date, String name) {
    LocalDate observed = date.getDayOfWeek() == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
    days.putIfAbsent(observed, observed.equals(date) ? name : name + " (observado)");
  }

  private static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek weekday) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
  }

  /** Western Easter (anonymous Gregorian algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  /** Settings for a {@link BusinessCalendar}; not thread-safe. */
  public static final class Builder {
    private ZoneId zone = PUERTO_RICO;
    private LocalTime opens = LocalTime.of(8, 0);
    private LocalTime closes = LocalTime.of(17, 0);
    private Set<DayOfWeek> workingDays =
        EnumSet.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    private final Map<LocalDate, String> extraHolidays = new TreeMap<>();

    private Builder() {}

    /** Business hours each working day, local time; {@code opens} must be before {@code closes}. */
    public Builder hours(LocalTime opens, LocalTime closes) {
      if (opens == null || closes == null || !opens.isBefore(closes)) {
        throw ValidationException.of("hours", "opening time must be before closing time");
      }
      this.opens = opens;
      this.closes = closes;
      return this;
    }

    /** The working weekdays; at least one. */
    public Builder workingDays(Set<DayOfWeek> days) {
      if (days == null || days.isEmpty()) {
        throw ValidationException.of("workingDays", "at least one working day is required");
      }
      this.workingDays = EnumSet.copyOf(days);
      return this;
    }

    /** The calendar's zone; Puerto Rico unless a host runs SLAs elsewhere. */
    public Builder zone(ZoneId zone) {
      if (zone == null) {
        throw ValidationException.of("zone", "must not be null");
      }
      this.zone = zone;
      return this;
    }

    /** An extra closed day (a declared emergency day, a company holiday). */
    public Builder extraHoliday(LocalDate date, String name) {
      if (date == null || name == null || name.isBlank()) {
        throw ValidationException.of("extraHoliday", "needs a date and a name");
      }
      extraHolidays.put(date, name);
      return this;
    }

    /** The calendar. */
    public BusinessCalendar build() {
      return new BusinessCalendar(this);
    }
  }
}
