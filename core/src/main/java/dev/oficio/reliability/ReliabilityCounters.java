package dev.oficio.reliability;

import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One pro's decayed reliability counters. {@link #apply} folds one event in O(1): every counter is
 * an exponentially decayed sum {@code S(t) = Σ xᵢ·e^(−λ(t − tᵢ))} with {@code λ = ln 2 / half-life}
 * of its component, kept current with {@code S ← S·e^(−λΔt) + x}. Components sharing a half-life
 * form a decay group, brought forward together: an event costs one {@code exp()} per group it
 * touches.
 *
 * <p>Events may arrive out of order: a late event is discounted by its age instead, so the counters
 * equal the closed-form sum whatever the order. The tier, however, is assessed on the model's
 * cadence when the first event after an assessment instant arrives, from the events applied so far;
 * a late event does not revise a past assessment (the tier a pro was told holds).
 *
 * <p>Mutable and <b>not</b> thread-safe: confine one instance to one thread, or guard it. Reading
 * ({@link #score}) does not change it.
 */
public final class ReliabilityCounters {
  static final int SLOTS = Component.values().length + 1;
  static final int STRIKES = Component.values().length;
  private static final int COMPLETION = Component.COMPLETION.ordinal();
  private static final int PUNCTUALITY = Component.PUNCTUALITY.ordinal();
  private static final int RESPONSIVENESS = Component.RESPONSIVENESS.ordinal();
  private static final int CANCELLATION = Component.CANCELLATION.ordinal();
  private static final int NO_SHOW = Component.NO_SHOW.ordinal();
  private static final int RATING = Component.RATING.ordinal();
  private static final int DISPUTES = Component.DISPUTES.ordinal();

  private final ProId pro;
  private final ReliabilityModel model;
  // Decayed to lastMillis. trials: the denominator (ratings for RATING); hits: good outcomes for
  // GOOD_RATE, failures for FAILURE_RATE, the sum of stars for RATING, strikes for STRIKES.
  final double[] trials = new double[SLOTS];
  final double[] hits = new double[SLOTS];
  final long[] counts = new long[SLOTS];
  final ReasonCode[] lastReason = new ReasonCode[SLOTS];
  final long[] lastChangeMillis = new long[SLOTS];
  final long[] excluded = new long[ReasonCode.values().length];
  final long[] typeCounts = new long[ReliabilityEvent.Type.values().length];
  long lastMillis = Long.MIN_VALUE;
  Tier heldTier = Tier.NEW;
  long heldAssessmentMillis = Long.MIN_VALUE;
  private long nextAssessmentMillis = Long.MIN_VALUE;
  // Each decay group (components sharing a half-life) is decayed lazily to its own last time, so
  // an event costs one exp() per group it touches, not one per group of the model.
  private final long[] groupLastMillis;

  ReliabilityCounters(ProId pro, ReliabilityModel model) {
    if (pro == null) {
      throw ValidationException.of("pro", "must not be null");
    }
    if (model == null) {
      throw ValidationException.of("model", "must not be null");
    }
    this.pro = pro;
    this.model = model;
    this.groupLastMillis = new long[model.groupLambdaPerMilli.length];
    java.util.Arrays.fill(groupLastMillis, Long.MIN_VALUE);
  }

  /**
   * Counters rebuilt from a pro's whole history: the events sorted by time (ties keep their order)
   * and applied one by one. Events of other pros are refused.
   */
  public static ReliabilityCounters rebuild(
      ProId pro, ReliabilityModel model, Collection<? extends ReliabilityEvent> history) {
    if (history == null) {
      throw ValidationException.of("history", "must not be null");
    }
    for (ReliabilityEvent event : history) {
      if (event == null) {
        // A loop, not contains(null): immutable collections throw on contains(null).
        throw ValidationException.of("history", "must not contain null events");
      }
    }
    ReliabilityCounters counters = new ReliabilityCounters(pro, model);
    List<? extends ReliabilityEvent> sorted =
        history.stream().sorted(Comparator.comparing(ReliabilityEvent::at)).toList();
    sorted.forEach(counters::apply);
    return counters;
  }

  /** The pro these counters describe. */
  public ProId pro() {
    return pro;
  }

  /** The model the counters decay and score with. */
  public ReliabilityModel model() {
    return model;
  }

  /** Events applied so far, excluded ones included. */
  public long eventCount() {
    long n = 0;
    for (long c : typeCounts) {
      n += c;
    }
    return n;
  }

  /** Events of {@code type} applied so far. */
  public long eventCount(ReliabilityEvent.Type type) {
    return typeCounts[type.ordinal()];
  }

  /** The latest event time applied, or {@code null} before the first event. */
  public Instant lastEventAt() {
    return lastMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastMillis);
  }

  /**
   * Folds one event into the counters in O(1).
   *
   * @throws ValidationException if the event is null or about another pro
   */
  public void apply(ReliabilityEvent event) {
    if (event == null) {
      throw ValidationException.of("event", "must not be null");
    }
    ProId eventPro = event.pro();
    if (eventPro != pro && !eventPro.equals(pro)) {
      throw ValidationException.of(
          "event.pro", "is " + eventPro + " but these counters are " + pro + "'s");
    }
    long t = event.at().toEpochMilli();
    assessIfDue(t);
    if (t > lastMillis) {
      lastMillis = t;
    }
    ReliabilityEvent.Type type = event.type();
    typeCounts[type.ordinal()]++;
    switch (type) {
      case JOB_COMPLETED -> {
        boolean onTime =
            ((ReliabilityEvent.JobCompleted) event).lateMinutes() <= model.lateToleranceMinutes;
        ReasonCode reason =
            onTime ? ReasonCode.JOB_COMPLETED_ON_TIME : ReasonCode.JOB_COMPLETED_LATE;
        add(COMPLETION, t, 1, 1, reason);
        add(PUNCTUALITY, t, 1, onTime ? 1 : 0, reason);
        add(CANCELLATION, t, 1, 0, reason);
        add(NO_SHOW, t, 1, 0, reason);
        add(DISPUTES, t, 1, 0, reason);
      }
      case PRO_CANCELLED -> {
        boolean noticed =
            ((ReliabilityEvent.ProCancelled) event).noticeHours() >= model.cancellationNoticeHours;
        double w = noticed ? model.noticedCancellationWeight : 1;
        ReasonCode reason =
            noticed ? ReasonCode.PRO_CANCELLED_WITH_NOTICE : ReasonCode.PRO_CANCELLED_SHORT_NOTICE;
        add(COMPLETION, t, w, 0, reason);
        add(CANCELLATION, t, w, w, reason);
      }
      case PRO_NO_SHOW -> {
        add(COMPLETION, t, 1, 0, ReasonCode.PRO_NO_SHOW);
        add(NO_SHOW, t, 1, 1, ReasonCode.PRO_NO_SHOW);
        add(STRIKES, t, 1, 1, ReasonCode.PRO_NO_SHOW);
      }
      case CUSTOMER_NO_SHOW -> excluded[ReasonCode.CUSTOMER_NO_SHOW_EXCLUDED.ordinal()]++;
      case LEAD_OFFERED -> {
        // Counted only: the offer is resolved by a LEAD_RESPONDED or LEAD_IGNORED event.
      }
      case LEAD_RESPONDED -> {
        boolean inTime =
            ((ReliabilityEvent.LeadResponded) event).minutes() <= model.responseTargetMinutes;
        add(
            RESPONSIVENESS,
            t,
            1,
            inTime ? 1 : 0,
            inTime ? ReasonCode.LEAD_RESPONDED_IN_TIME : ReasonCode.LEAD_RESPONDED_LATE);
      }
      case LEAD_IGNORED -> add(RESPONSIVENESS, t, 1, 0, ReasonCode.LEAD_IGNORED);
      case RATED -> {
        int stars = ((ReliabilityEvent.Rated) event).stars();
        add(
            RATING,
            t,
            1,
            stars,
            stars >= 4 ? ReasonCode.RATED_POSITIVE : ReasonCode.RATED_NEGATIVE);
      }
      case DISPUTE_OPENED -> {
        // Counted only: the dispute weighs when it is decided.
      }
      case DISPUTE_LOST -> {
        add(DISPUTES, t, 0, 1, ReasonCode.DISPUTE_LOST);
        add(STRIKES, t, 1, 1, ReasonCode.DISPUTE_LOST);
      }
      case DISPUTE_WON -> excluded[ReasonCode.DISPUTE_WON_EXCLUDED.ordinal()]++;
      case CREDENTIAL_LAPSED -> add(STRIKES, t, 1, 1, ReasonCode.CREDENTIAL_LAPSED);
    }
  }

  /**
   * The score at {@code at}: every counter decayed to {@code at}, shrunk and weighted, with the
   * tier held at {@code at}.
   *
   * @throws ValidationException if {@code at} is null or before the latest applied event (apply
   *     only the events up to {@code at} to score a past instant)
   */
  public ReliabilityScore score(Instant at) {
    Checks.instant("at", at);
    long t = at.toEpochMilli();
    if (t < lastMillis) {
      throw ValidationException.of(
          "at", "must not be before the latest applied event " + Instant.ofEpochMilli(lastMillis));
    }
    return Scoring.score(this, t);
  }

  /** Decayed copies of trials and hits at {@code t} ≥ lastMillis, into the given arrays. */
  void decayedAt(long t, double[] trialsOut, double[] hitsOut) {
    double[] factors = new double[groupLastMillis.length];
    for (int g = 0; g < factors.length; g++) {
      long delta = groupLastMillis[g] == Long.MIN_VALUE ? 0 : t - groupLastMillis[g];
      factors[g] = delta == 0 ? 1 : Math.exp(-model.groupLambdaPerMilli[g] * delta);
    }
    for (int i = 0; i < SLOTS; i++) {
      double f = factors[model.groupOf[i]];
      trialsOut[i] = trials[i] * f;
      hitsOut[i] = hits[i] * f;
    }
  }

  private void assessIfDue(long t) {
    if (t >= heldAssessmentMillis && t < nextAssessmentMillis) {
      return; // the common case: still in the assessed period, no division needed
    }
    long assessment = model.assessmentAtOrBefore(t);
    if (assessment > heldAssessmentMillis && assessment >= lastMillis) {
      heldTier = Scoring.qualify(this, assessment);
      heldAssessmentMillis = assessment;
      nextAssessmentMillis = assessment + model.periodMillis;
    }
  }

  private void add(int slot, long t, double trial, double hit, ReasonCode reason) {
    int group = model.groupOf[slot];
    long groupLast = groupLastMillis[group];
    if (groupLast == Long.MIN_VALUE) {
      groupLastMillis[group] = t;
    } else if (t > groupLast) {
      // Bring the whole group to t: S ← S·e^(−λΔt).
      double f = Math.exp(-model.groupLambdaPerMilli[group] * (t - groupLast));
      for (int i : model.slotsOfGroup[group]) {
        trials[i] *= f;
        hits[i] *= f;
      }
      groupLastMillis[group] = t;
    } else if (t < groupLast) {
      // A late event: discount it by its age so the sum equals the in-order one.
      double f = Math.exp(-model.groupLambdaPerMilli[group] * (groupLast - t));
      trial *= f;
      hit *= f;
    }
    trials[slot] += trial;
    hits[slot] += hit;
    counts[slot]++;
    if (lastReason[slot] == null || t >= lastChangeMillis[slot]) {
      lastReason[slot] = reason;
      lastChangeMillis[slot] = t;
    }
  }
}
