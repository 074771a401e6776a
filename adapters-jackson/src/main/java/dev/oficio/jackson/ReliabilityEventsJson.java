package dev.oficio.jackson;

import dev.oficio.reliability.ReliabilityEvent;
import dev.oficio.reliability.ReliabilityEvent.Type;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reliability events as JSON Lines: one JSON object per line, e.g.
 *
 * <pre>{@code
 * {"type":"JOB_COMPLETED","pro":"p-17","at":"2027-03-02T15:00:00-04:00","lateMinutes":0}
 * {"type":"PRO_NO_SHOW","pro":"p-17","at":"2027-03-03T09:00:00-04:00"}
 * }</pre>
 *
 * <p>Every line has {@code type}, {@code pro} (a pro id) and {@code at} (an ISO-8601 instant with
 * an offset or {@code Z}). The types and their extra fields:
 *
 * <table>
 *   <caption>Event types</caption>
 *   <tr><th>type</th><th>extra fields</th><th>meaning</th></tr>
 *   <tr><td>{@code JOB_COMPLETED}</td><td>{@code lateMinutes} (≥ 0, optional, default 0)</td>
 *       <td>the pro completed a booked job, arriving that many minutes late</td></tr>
 *   <tr><td>{@code PRO_CANCELLED}</td><td>{@code noticeHours} (≥ 0)</td>
 *       <td>the pro cancelled a booked job with that much notice</td></tr>
 *   <tr><td>{@code PRO_NO_SHOW}</td><td></td><td>the pro did not show up</td></tr>
 *   <tr><td>{@code CUSTOMER_NO_SHOW}</td><td></td>
 *       <td>the customer did not show up; recorded, excluded from the pro's score</td></tr>
 *   <tr><td>{@code LEAD_OFFERED}</td><td></td><td>a lead was offered to the pro (counted)</td></tr>
 *   <tr><td>{@code LEAD_RESPONDED}</td><td>{@code minutes} (≥ 0)</td>
 *       <td>the pro answered a lead after that many business minutes</td></tr>
 *   <tr><td>{@code LEAD_IGNORED}</td><td></td><td>a lead expired unanswered</td></tr>
 *   <tr><td>{@code RATED}</td><td>{@code stars} (1–5)</td><td>a customer rated a job</td></tr>
 *   <tr><td>{@code DISPUTE_OPENED}</td><td></td><td>a dispute was opened (counted)</td></tr>
 *   <tr><td>{@code DISPUTE_LOST}</td><td></td><td>a dispute was decided against the pro</td></tr>
 *   <tr><td>{@code DISPUTE_WON}</td><td></td>
 *       <td>a dispute was decided for the pro; recorded, excluded</td></tr>
 *   <tr><td>{@code CREDENTIAL_LAPSED}</td><td>{@code credential} (a code)</td>
 *       <td>a required credential lapsed (a strike)</td></tr>
 * </table>
 *
 * <p>Unknown types and unknown fields are errors (a typo must not silently drop data). Blank lines
 * are skipped. {@link #read} collects every bad line with its 1-based line number instead of
 * stopping at the first.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReliabilityEventsJson {
  private static final Set<String> COMMON = Set.of("type", "pro", "at");

  /**
   * A line that could not be read.
   *
   * @param lineNumber 1-based
   * @param message what is wrong, naming the field
   */
  public record BadLine(int lineNumber, String message) {
    @Override
    public String toString() {
      return "line " + lineNumber + ": " + message;
    }
  }

  /**
   * The events read, in file order, and the bad lines.
   *
   * @param events the good lines' events
   * @param badLines the bad lines, in file order; empty when the file is clean
   */
  public record ReadResult(List<ReliabilityEvent> events, List<BadLine> badLines) {
    /** Copies the lists. */
    public ReadResult {
      events = List.copyOf(events);
      badLines = List.copyOf(badLines);
    }

    /** Whether every line was good. */
    public boolean clean() {
      return badLines.isEmpty();
    }
  }

  private final JsonMapper mapper;

  private ReliabilityEventsJson(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** The format with a default Jackson mapper. */
  public static ReliabilityEventsJson create() {
    return new ReliabilityEventsJson(JsonMapper.builder().build());
  }

  /**
   * Reads every line of {@code file} (UTF-8).
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public ReadResult read(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads every line of {@code reader}; does not close it.
   *
   * @throws UncheckedIOException if reading fails
   */
  public ReadResult read(Reader reader) {
    BufferedReader lines =
        reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    List<ReliabilityEvent> events = new ArrayList<>();
    List<BadLine> bad = new ArrayList<>();
    int number = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          events.add(parseLine(line));
        } catch (ValidationException e) {
          bad.add(new BadLine(number, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ReadResult(events, bad);
  }

  /**
   * One event from one line.
   *
   * @throws ValidationException naming the bad field (or {@code json} for malformed JSON)
   */
  public ReliabilityEvent parseLine(String line) {
    if (line == null) {
      throw ValidationException.of("line", "must not be null");
    }
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JacksonException e) {
      throw ValidationException.of("json", "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw ValidationException.of("json", "each line must be one JSON object");
    }
    Type type = type(node);
    ProId pro = ProId.of(string(node, "pro"));
    Instant at = instant(node);
    return switch (type) {
      case JOB_COMPLETED -> {
        allow(node, "lateMinutes");
        yield new ReliabilityEvent.JobCompleted(
            pro, at, node.has("lateMinutes") ? integer(node, "lateMinutes") : 0);
      }
      case PRO_CANCELLED -> {
        allow(node, "noticeHours");
        yield new ReliabilityEvent.ProCancelled(pro, at, integer(node, "noticeHours"));
      }
      case PRO_NO_SHOW -> {
        allow(node);
        yield new ReliabilityEvent.ProNoShow(pro, at);
      }
      case CUSTOMER_NO_SHOW -> {
        allow(node);
        yield new ReliabilityEvent.CustomerNoShow(pro, at);
      }
      case LEAD_OFFERED -> {
        allow(node);
        yield new ReliabilityEvent.LeadOffered(pro, at);
      }
      case LEAD_RESPONDED -> {
        allow(node, "minutes");
        yield new ReliabilityEvent.LeadResponded(pro, at, integer(node, "minutes"));
      }
      case LEAD_IGNORED -> {
        allow(node);
        yield new ReliabilityEvent.LeadIgnored(pro, at);
      }
      case RATED -> {
        allow(node, "stars");
        yield new ReliabilityEvent.Rated(pro, at, integer(node, "stars"));
      }
      case DISPUTE_OPENED -> {
        allow(node);
        yield new ReliabilityEvent.DisputeOpened(pro, at);
      }
      case DISPUTE_LOST -> {
        allow(node);
        yield new ReliabilityEvent.DisputeLost(pro, at);
      }
      case DISPUTE_WON -> {
        allow(node);
        yield new ReliabilityEvent.DisputeWon(pro, at);
      }
      case CREDENTIAL_LAPSED -> {
        allow(node, "credential");
        yield new ReliabilityEvent.CredentialLapsed(pro, at, string(node, "credential"));
      }
    };
  }

  /** One line (no trailing newline) for {@code event}; {@link #parseLine} reads it back. */
  public String write(ReliabilityEvent event) {
    if (event == null) {
      throw ValidationException.of("event", "must not be null");
    }
    ObjectNode node = mapper.createObjectNode();
    node.put("type", event.type().name());
    node.put("pro", event.pro().value());
    node.put("at", event.at().toString());
    if (event instanceof ReliabilityEvent.JobCompleted e) {
      node.put("lateMinutes", e.lateMinutes());
    } else if (event instanceof ReliabilityEvent.ProCancelled e) {
      node.put("noticeHours", e.noticeHours());
    } else if (event instanceof ReliabilityEvent.LeadResponded e) {
      node.put("minutes", e.minutes());
    } else if (event instanceof ReliabilityEvent.Rated e) {
      node.put("stars", e.stars());
    } else if (event instanceof ReliabilityEvent.CredentialLapsed e) {
      node.put("credential", e.credential());
    }
    return mapper.writeValueAsString(node);
  }

  private static Type type(JsonNode node) {
    String name = string(node, "type");
    try {
      return Type.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(
          "type",
          "unknown event type '" + name + "', expected one of " + Arrays.toString(Type.values()));
    }
  }

  private static String string(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw ValidationException.of(field, "is required");
    }
    if (!value.isString()) {
      throw ValidationException.of(field, "must be a string");
    }
    return value.stringValue();
  }

  private static int integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw ValidationException.of(field, "is required");
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ValidationException.of(field, "must be a whole number, was " + value);
    }
    return value.intValue();
  }

  private static Instant instant(JsonNode node) {
    String text = string(node, "at");
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ValidationException.of(
          "at",
          "must be an ISO-8601 instant with an offset (2027-03-02T15:00:00-04:00), was '"
              + text
              + "'");
    }
  }

  private static void allow(JsonNode node, String... extra) {
    Set<String> extras = Set.of(extra);
    for (String name : node.propertyNames()) {
      if (!COMMON.contains(name) && !extras.contains(name)) {
        throw ValidationException.of(name, "is not a field of " + node.get("type").stringValue());
      }
    }
  }
}
