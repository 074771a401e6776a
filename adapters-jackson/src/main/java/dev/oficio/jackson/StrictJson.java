package dev.oficio.jackson;

import dev.oficio.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict reading of a JSON tree: unknown fields, missing required fields and malformed values are
 * {@link ValidationException}s naming the JSON path ({@code $.rules[1].tiers[0].upTo}).
 */
final class StrictJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private StrictJson() {}

  static JsonNode parse(String json) {
    if (json == null) {
      throw ValidationException.of("$", "no JSON given");
    }
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw ValidationException.of("$", "malformed JSON: " + e.getOriginalMessage());
    }
  }

  static JsonNode object(JsonNode node, String path, Set<String> allowed) {
    if (node == null || !node.isObject()) {
      throw ValidationException.of(path, "must be an object");
    }
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name)) {
        throw ValidationException.of(path + "." + name, "unknown field");
      }
    }
    return node;
  }

  static Optional<JsonNode> optional(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  static JsonNode required(JsonNode object, String path, String field) {
    return optional(object, field)
        .orElseThrow(() -> ValidationException.of(path + "." + field, "is required"));
  }

  static String text(JsonNode node, String path) {
    if (!node.isString() || node.stringValue().isBlank()) {
      throw ValidationException.of(path, "must be a non-empty string");
    }
    return node.stringValue();
  }

  /** A decimal written as a string ({@code "12.50"}), the format of amounts and percents. */
  static BigDecimal decimal(JsonNode node, String path) {
    String text = text(node, path);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw ValidationException.of(path, "'" + text + "' is not a decimal number");
    }
  }

  static long integer(JsonNode node, String path) {
    if (!node.isIntegralNumber()) {
      throw ValidationException.of(path, "must be a whole number");
    }
    return node.longValue();
  }

  static double number(JsonNode node, String path) {
    if (!node.isNumber()) {
      throw ValidationException.of(path, "must be a number");
    }
    return node.doubleValue();
  }

  /** An ISO-8601 instant with offset, e.g. {@code 2027-03-02T10:00:00-04:00}. */
  static Instant instant(JsonNode node, String path) {
    String text = text(node, path);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ValidationException.of(path, "'" + text + "' is not a date-time with offset");
    }
  }

  static <E extends Enum<E>> E enumValue(JsonNode node, String path, Class<E> type) {
    String text = text(node, path);
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(
          path, "'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  static Currency currency(JsonNode node, String path) {
    String code = text(node, path);
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(path, "'" + code + "' is not an ISO 4217 currency");
    }
  }

  static JsonNode array(JsonNode node, String path) {
    if (!node.isArray()) {
      throw ValidationException.of(path, "must be an array");
    }
    return node;
  }
}
