package dev.oficio.jackson;

import dev.oficio.reliability.ComponentScore;
import dev.oficio.reliability.ReasonCode;
import dev.oficio.reliability.ReliabilityScore;
import dev.oficio.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link ReliabilityScore} as one JSON object, the shape of {@code reliability explain --json}:
 *
 * <pre>{@code
 * {"pro":"p-17","at":"2027-06-30T16:00:00Z","score":91.42,"tier":"TRUSTED","qualifiesFor":"TRUSTED",
 *  "assessedAt":"2027-06-30T04:00:00Z","nextAssessmentAt":"2027-09-28T04:00:00Z",
 *  "completedJobs":11.2,"strikes":0.0,"suspended":false,
 *  "nextTier":{"tier":"TOP","minScore":85.0,"scoreGap":0.0,"minCompletedJobs":25.0,"completedJobsGap":13.8},
 *  "components":{"completion":{"count":12,"decayedCount":11.9,"rate":0.92,"prior":0.9,"value":0.91,
 *      "lowerBound":0.7,"weight":25.0,"contribution":22.8,
 *      "nextTier":{"tier":"TOP","threshold":0.95,"gap":0.04},
 *      "reasonCodes":["JOB_COMPLETED_ON_TIME","BELOW_NEXT_TIER"],"lastChangedAt":"…"}, …},
 *  "exclusions":{"CUSTOMER_NO_SHOW_EXCLUDED":1}}
 * }</pre>
 *
 * <p>{@code components} maps each component's JSON name ({@code completion}, {@code punctuality},
 * {@code responsiveness}, {@code cancellation}, {@code noShow}, {@code rating}, {@code disputes})
 * to its drill-down. Numbers are rounded to 4 decimals (half-even) so output is stable; absent
 * optional values are {@code null}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReliabilityScoreJson {
  private final JsonMapper mapper;

  private ReliabilityScoreJson(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** The format with a default Jackson mapper. */
  public static ReliabilityScoreJson create() {
    return new ReliabilityScoreJson(JsonMapper.builder().build());
  }

  /** The score as a JSON tree. */
  public ObjectNode toTree(ReliabilityScore score) {
    if (score == null) {
      throw ValidationException.of("score", "must not be null");
    }
    ObjectNode node = mapper.createObjectNode();
    node.put("pro", score.pro().value());
    node.put("at", score.at().toString());
    node.put("score", round(score.score()));
    node.put("tier", score.tier().name());
    node.put("qualifiesFor", score.qualifiesFor().name());
    node.put("assessedAt", score.assessedAt().map(Object::toString).orElse(null));
    node.put("nextAssessmentAt", score.nextAssessmentAt().toString());
    node.put("completedJobs", round(score.completedJobs()));
    node.put("strikes", round(score.strikes()));
    node.put("suspended", score.suspended());
    if (score.nextTier().isPresent()) {
      ReliabilityScore.TierProgress next = score.nextTier().get();
      ObjectNode n = node.putObject("nextTier");
      n.put("tier", next.tier().name());
      n.put("minScore", round(next.minScore()));
      n.put("scoreGap", round(next.scoreGap()));
      n.put("minCompletedJobs", round(next.minCompletedJobs()));
      n.put("completedJobsGap", round(next.completedJobsGap()));
    } else {
      node.putNull("nextTier");
    }
    ObjectNode components = node.putObject("components");
    for (ComponentScore c : score.components().values()) {
      ObjectNode n = components.putObject(c.component().jsonName());
      n.put("count", c.count());
      n.put("decayedCount", round(c.decayedCount()));
      n.put("rate", round(c.rate()));
      n.put("prior", round(c.prior()));
      n.put("value", round(c.value()));
      n.put("lowerBound", round(c.lowerBound()));
      n.put("weight", round(c.weight()));
      n.put("contribution", round(c.contribution()));
      if (c.nextTier().isPresent()) {
        ObjectNode t = n.putObject("nextTier");
        t.put("tier", c.nextTier().get().tier().name());
        t.put("threshold", round(c.nextTier().get().threshold()));
        t.put("gap", round(c.nextTier().get().gap()));
      } else {
        n.putNull("nextTier");
      }
      ArrayNode reasons = n.putArray("reasonCodes");
      c.reasonCodes().forEach(r -> reasons.add(r.name()));
      n.put("lastChangedAt", c.lastChangedAt().map(Object::toString).orElse(null));
    }
    ObjectNode exclusions = node.putObject("exclusions");
    for (Map.Entry<ReasonCode, Long> e : score.exclusions().entrySet()) {
      exclusions.put(e.getKey().name(), e.getValue());
    }
    return node;
  }

  /** The score as one line of JSON. */
  public String write(ReliabilityScore score) {
    return mapper.writeValueAsString(toTree(score));
  }

  /** {@code value} rounded half-even to 4 decimals: stable, readable output. */
  public static double round(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
  }
}
