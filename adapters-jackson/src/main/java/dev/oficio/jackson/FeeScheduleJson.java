package dev.oficio.jackson;

import dev.oficio.fees.FeeSchedule;
import dev.oficio.shared.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link FeeSchedule}s in Oficio's JSON format:
 *
 * <pre>{@code
 * { "id": "oficio-default", "version": 1, "currency": "USD",
 *   "effectiveFrom": "2027-01-01T00:00:00-04:00", "rounding": "HALF_UP",
 *   "processorFee": { "model": "CARD", "percent": "2.9", "fixed": "0.30", "payer": "PLATFORM" },
 *   "taxOnFee": null,
 *   "rules": [ { "name": "default", "match": {}, "method": "MARGINAL", "basis": "JOB_AMOUNT",
 *                "tiers": [ {"upTo": "2500.00", "percent": "7.5"}, {"percent": "1.5"} ],
 *                "fixed": "0.00", "minimum": "10.00", "maximum": null } ],
 *   "customerRules": [] }
 * }</pre>
 *
 * Amounts and percents are decimal strings, never JSON numbers (a binary float must not touch
 * money). Unknown fields, missing required fields, malformed numbers and every rule of {@link
 * FeeSchedule.Builder#build()} are reported together in one {@link ValidationException} whose
 * violations name the JSON path ({@code rules[1].tiers[0].upTo}). {@code read(write(schedule))}
 * equals {@code schedule}, and {@code write} is canonical: every field is written, in the order
 * above, with {@code effectiveFrom} at Puerto Rico's offset (-04:00).
 *
 * <p>Thread-safe; stateless.
 */
public final class FeeScheduleJson {
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Two-space indents, one array element per line, {@code "name": value}, as in the docs. */
  private static final ObjectWriter WRITER = MAPPER.writer().with(prettyPrinter());

  private FeeScheduleJson() {}

  /**
   * Parses and validates a schedule.
   *
   * @throws ValidationException listing every problem with its JSON path
   */
  public static FeeSchedule read(String json) {
    if (json == null) {
      throw ValidationException.of("json", "must not be null");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw ValidationException.of("json", describe(e));
    }
    if (root == null || root.isMissingNode()) {
      throw ValidationException.of("json", "is empty");
    }
    return new FeeScheduleReader().read(root);
  }

  /**
   * Reads a schedule from a UTF-8 file.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws ValidationException listing every problem with its JSON path
   */
  public static FeeSchedule read(Path file) {
    try {
      return read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fee schedule " + file, e);
    }
  }

  /** The schedule as canonical, indented JSON. */
  public static String write(FeeSchedule schedule) {
    if (schedule == null) {
      throw ValidationException.of("schedule", "must not be null");
    }
    return writeTree(FeeScheduleWriter.toTree(schedule));
  }

  /** Writes the schedule as canonical JSON to a UTF-8 file. */
  public static void write(FeeSchedule schedule, Path file) {
    try {
      Files.writeString(file, write(schedule), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write fee schedule " + file, e);
    }
  }

  static String writeTree(JsonNode tree) {
    return WRITER.writeValueAsString(tree) + "\n";
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    return printer;
  }

  private static String describe(JacksonException e) {
    String message = e.getOriginalMessage();
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      message +=
          " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")";
    }
    return "is not valid JSON: " + message;
  }
}
