package dev.oficio.reliability;

import dev.oficio.shared.BusinessCalendar;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;

/**
 * Something a pro did (or that happened to a pro) that bears on their reliability. Every event
 * names the {@link ProId} and the instant it happened; {@link #type()} is its stable name (the
 * {@code type} field of the JSON Lines format).
 *
 * <p>Events the pro did not cause ({@link CustomerNoShow}, {@link DisputeWon}) are recorded and
 * counted, but excluded from the score with their reason kept (see {@link ReasonCode#excluded()}).
 *
 * <p>All implementations are immutable records that validate their fields; no field may be null.
 */
public sealed interface ReliabilityEvent {

  /** The pro the event is about. */
  ProId pro();

  /** When it happened. */
  Instant at();

  /** The event's stable type name. */
  Type type();

  /** The event types, named as in the JSON Lines format. */
  enum Type {
    /** {@link JobCompleted}. */
    JOB_COMPLETED,
    /** {@link ProCancelled}. */
    PRO_CANCELLED,
    /** {@link ProNoShow}. */
    PRO_NO_SHOW,
    /** {@link CustomerNoShow}. */
    CUSTOMER_NO_SHOW,
    /** {@link LeadOffered}. */
    LEAD_OFFERED,
    /** {@link LeadResponded}. */
    LEAD_RESPONDED,
    /** {@link LeadIgnored}. */
    LEAD_IGNORED,
    /** {@link Rated}. */
    RATED,
    /** {@link DisputeOpened}. */
    DISPUTE_OPENED,
    /** {@link DisputeLost}. */
    DISPUTE_LOST,
    /** {@link DisputeWon}. */
    DISPUTE_WON,
    /** {@link CredentialLapsed}. */
    CREDENTIAL_LAPSED
  }

  /**
   * The pro completed a booked job.
   *
   * @param lateMinutes minutes after the agreed arrival time the pro arrived; 0 when on time
   */
  record JobCompleted(ProId pro, Instant at, int lateMinutes) implements ReliabilityEvent {
    /** Checks the fields. */
    public JobCompleted {
      Checks.common(pro, at);
      Checks.notNegative("lateMinutes", lateMinutes);
    }

    @Override
    public Type type() {
      return Type.JOB_COMPLETED;
    }
  }

  /**
   * The pro cancelled a booked job.
   *
   * @param noticeHours whole hours between the cancellation and the appointment's start
   */
  record ProCancelled(ProId pro, Instant at, int noticeHours) implements ReliabilityEvent {
    /** Checks the fields. */
    public ProCancelled {
      Checks.common(pro, at);
      Checks.notNegative("noticeHours", noticeHours);
    }

    @Override
    public Type type() {
      return Type.PRO_CANCELLED;
    }
  }

  /** The pro did not show up for a booked job (adjudicated against the pro). */
  record ProNoShow(ProId pro, Instant at) implements ReliabilityEvent {
    /** Checks the fields. */
    public ProNoShow {
      Checks.common(pro, at);
    }

    @Override
    public Type type() {
      return Type.PRO_NO_SHOW;
    }
  }

  /**
   * The customer did not show up; the pro checked in and waited. Recorded, excluded from the pro's
   * score ({@link ReasonCode#CUSTOMER_NO_SHOW_EXCLUDED}).
   */
  record CustomerNoShow(ProId pro, Instant at) implements ReliabilityEvent {
    /** Checks the fields. */
    public CustomerNoShow {
      Checks.common(pro, at);
    }

    @Override
    public Type type() {
      return Type.CUSTOMER_NO_SHOW;
    }
  }

  /** A lead (a customer's request) was offered to the pro; counted, not scored by itself. */
  record LeadOffered(ProId pro, Instant at) implements ReliabilityEvent {
    /** Checks the fields. */
    public LeadOffered {
      Checks.common(pro, at);
    }

    @Override
    public Type type() {
      return Type.LEAD_OFFERED;
    }
  }

  /**
   * The pro responded to a lead.
   *
   * @param minutes business minutes (time inside business hours of the platform's {@link
   *     BusinessCalendar}) between the offer and the response
   */
  record LeadResponded(ProId pro, Instant at, long minutes) implements ReliabilityEvent {
    /** Checks the fields. */
    public LeadResponded {
      Checks.common(pro, at);
      Checks.notNegative("minutes", minutes);
    }

    /**
     * A response at {@code respondedAt} to a lead offered at {@code offeredAt}, its time measured
     * in {@code calendar}'s business hours (a lead offered on Friday evening and answered on Monday
     * at 08:30 took 30 minutes).
     */
    public static LeadResponded between(
        ProId pro, Instant offeredAt, Instant respondedAt, BusinessCalendar calendar) {
      if (calendar == null) {
        throw ValidationException.of("calendar", "must not be null");
      }
      return new LeadResponded(
          pro, respondedAt, calendar.businessTimeBetween(offeredAt, respondedAt).toMinutes());
    }

    @Override
    public Type type() {
      return Type.LEAD_RESPONDED;
    }
  }

  /** A lead offered to the pro expired without a response. */
  record LeadIgnored(ProId pro, Instant at) implements ReliabilityEvent {
    /** Checks the fields. */
    public LeadIgnored {
      Checks.common(pro, at);
    }

    @Override
    public Type type() {
      return Type.LEAD_IGNORED;
    }
  }

  /**
   * A customer rated a completed job.
   *
   * @param stars 1 to 5
   */
  record Rated(ProId pro, Instant at, int stars) implements ReliabilityEvent {
    /** Checks the fields. */
    public Rated {
      Checks.common(pro, at);
      if (stars < 1 || stars > 5) {
        throw ValidationException.of("stars", "must be 1 to 5, was " + stars);
      }
    }

    @Override
    public Type type() {
      return Type.RATED;
    }
  }

  /** A customer opened a dispute about a job; counted, not scored until decided. */
  record DisputeOpened(ProId pro, Instant at) implements ReliabilityEvent {
    /** Checks the fields. */
    public DisputeOpened {
      Checks.common(pro, at);
    }

    @Override
    public Type type() {
      return Type.DISPUTE_OPENED;
    }
  }

  /** A dispute was decided against the pro; lowers the disputes component and adds a strike. */
  record DisputeLost(ProId pro, Instant at) implements ReliabilityEvent {
    /** Checks the fields. */
    public DisputeLost {
      Checks.common(pro, at);
    }

    @Override
    public Type type() {
      return Type.DISPUTE_LOST;
    }
  }

  /**
   * A dispute was decided for the pro. Recorded, excluded ({@link
   * ReasonCode#DISPUTE_WON_EXCLUDED}): the pro was not at fault.
   */
  record DisputeWon(ProId pro, Instant at) implements ReliabilityEvent {
    /** Checks the fields. */
    public DisputeWon {
      Checks.common(pro, at);
    }

    @Override
    public Type type() {
      return Type.DISPUTE_WON;
    }
  }

  /**
   * A licence or insurance the pro's categories require lapsed; adds a strike.
   *
   * @param credential the credential's code, e.g. {@code electrician-licence}
   */
  record CredentialLapsed(ProId pro, Instant at, String credential) implements ReliabilityEvent {
    /** Checks the fields. */
    public CredentialLapsed {
      Checks.common(pro, at);
      if (credential == null || credential.isBlank()) {
        throw ValidationException.of("credential", "must not be blank");
      }
    }

    @Override
    public Type type() {
      return Type.CREDENTIAL_LAPSED;
    }
  }
}
