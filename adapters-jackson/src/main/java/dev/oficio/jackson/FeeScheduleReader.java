package dev.oficio.jackson;

import dev.oficio.fees.FeeBasis;
import dev.oficio.fees.FeeMatch;
import dev.oficio.fees.FeeMethod;
import dev.oficio.fees.FeePayer;
import dev.oficio.fees.FeeRule;
import dev.oficio.fees.FeeSchedule;
import dev.oficio.fees.FeeTier;
import dev.oficio.fees.ProcessorFee;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import dev.oficio.shared.ValidationException.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Walks a JSON tree into a {@link FeeSchedule}, collecting every violation with its JSON path
 * instead of stopping at the first. One instance per read; not thread-safe.
 */
final class FeeScheduleReader {
  private static final Set<String> SCHEDULE_FIELDS =
      Set.of(
          "id",
          "version",
          "currency",
          "effectiveFrom",
          "rounding",
          "processorFee",
          "taxOnFee",
          "rules",
          "customerRules");
  private static final Set<String> PROCESSOR_FIELDS = Set.of("model", "percent", "fixed", "payer");
  private static final Set<String> TAX_FIELDS = Set.of("percent");
  private static final Set<String> RULE_FIELDS =
      Set.of("name", "match", "method", "basis", "tiers", "fixed", "minimum", "maximum");
  private static final Set<String> MATCH_FIELDS = Set.of("proId", "plan", "category");
  private static final Set<String> TIER_FIELDS = Set.of("upTo", "percent");
  private static final Pattern DOMAIN_RULE_PATH =
      Pattern.compile("^(rules|customerRules)\\[(.*?)\\](.*)$");

  private final List<Violation> violations = new ArrayList<>();
  private final Map<String, Map<String, Integer>> ruleIndexes = new HashMap<>();

  FeeSchedule read(JsonNode root) {
    if (!object(root, "$")) {
      throw new ValidationException(violations);
    }
    unknownFields(root, "", SCHEDULE_FIELDS);
    String id = string(root, "", "id", true);
    int version = integer(root, "", "version");
    Currency currency = currency(root);
    Instant effectiveFrom = instant(root, "", "effectiveFrom");
    RoundingMode rounding =
        enumValue(root, "", "rounding", RoundingMode.class, RoundingMode.HALF_UP);
    if (currency == null) {
      // Without a currency no amount can be checked; report what was found so far.
      throw new ValidationException(violations);
    }
    FeeSchedule.Builder builder = FeeSchedule.builder(id, version, currency, effectiveFrom);
    if (rounding != null) {
      builder.rounding(rounding);
    }
    ProcessorFee processor = processorFee(root.get("processorFee"), currency);
    if (processor != null) {
      builder.processorFee(processor);
    }
    Rate tax = taxOnFee(root.get("taxOnFee"));
    if (tax != null) {
      builder.taxOnFee(tax);
    }
    for (FeeRule.Builder rule : rules(root, "rules", currency, true)) {
      builder.rule(rule);
    }
    for (FeeRule.Builder rule : rules(root, "customerRules", currency, false)) {
      builder.customerRule(rule);
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    try {
      return builder.build();
    } catch (ValidationException e) {
      throw new ValidationException(e.violations().stream().map(this::toJsonPath).toList());
    }
  }

  /** Maps the domain's {@code rules[pro-plan].tiers[1]} to the JSON's {@code rules[1].tiers[1]}. */
  private Violation toJsonPath(Violation violation) {
    Matcher matcher = DOMAIN_RULE_PATH.matcher(violation.field());
    if (!matcher.matches()) {
      return violation;
    }
    Integer index = ruleIndexes.getOrDefault(matcher.group(1), Map.of()).get(matcher.group(2));
    if (index == null) {
      return violation;
    }
    return new Violation(
        matcher.group(1) + "[" + index + "]" + matcher.group(3),
        "rule '" + matcher.group(2) + "' " + violation.message());
  }

  private List<FeeRule.Builder> rules(
      JsonNode root, String field, Currency currency, boolean required) {
    JsonNode array = root.get(field);
    List<FeeRule.Builder> rules = new ArrayList<>();
    if (array == null || array.isNull()) {
      if (required) {
        violations.add(new Violation(field, "is required"));
      }
      return rules;
    }
    if (!array.isArray()) {
      violations.add(new Violation(field, "must be an array"));
      return rules;
    }
    Map<String, Integer> indexes = new HashMap<>();
    ruleIndexes.put(field, indexes);
    for (int i = 0; i < array.size(); i++) {
      String path = field + "[" + i + "]";
      JsonNode node = array.get(i);
      if (!object(node, path)) {
        continue;
      }
      unknownFields(node, path, RULE_FIELDS);
      String name = string(node, path, "name", true);
      if (name != null) {
        indexes.putIfAbsent(name, i);
      }
      FeeRule.Builder rule = FeeRule.builder(name, currency);
      FeeMatch match = match(node.get("match"), path + ".match");
      if (match != null) {
        rule.match(match);
      }
      FeeMethod method = enumValue(node, path, "method", FeeMethod.class, null);
      if (method != null) {
        rule.method(method);
      }
      FeeBasis basis = enumValue(node, path, "basis", FeeBasis.class, FeeBasis.JOB_AMOUNT);
      if (basis != null) {
        rule.basis(basis);
      }
      tiers(node.get("tiers"), path + ".tiers", currency, rule);
      Money fixed = amount(node, path, "fixed", currency);
      if (fixed != null) {
        rule.fixed(fixed);
      }
      rule.minimum(amount(node, path, "minimum", currency));
      rule.maximum(amount(node, path, "maximum", currency));
      rules.add(rule);
    }
    return rules;
  }

  private void tiers(JsonNode array, String path, Currency currency, FeeRule.Builder rule) {
    if (array == null || array.isNull()) {
      violations.add(new Violation(path, "is required"));
      return;
    }
    if (!array.isArray()) {
      violations.add(new Violation(path, "must be an array"));
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      String tierPath = path + "[" + i + "]";
      JsonNode node = array.get(i);
      if (!object(node, tierPath)) {
        continue;
      }
      unknownFields(node, tierPath, TIER_FIELDS);
      Money upTo = amount(node, tierPath, "upTo", currency);
      Rate rate = percent(node, tierPath, "percent", true);
      if (rate != null) {
        rule.tier(new FeeTier(upTo, rate));
      }
    }
  }

  private FeeMatch match(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      violations.add(new Violation(path, "is required; {} matches every job"));
      return null;
    }
    if (!object(node, path)) {
      return null;
    }
    unknownFields(node, path, MATCH_FIELDS);
    String proId = string(node, path, "proId", false);
    String plan = string(node, path, "plan", false);
    String category = string(node, path, "category", false);
    try {
      return new FeeMatch(proId == null ? null : ProId.of(proId), plan, category);
    } catch (ValidationException e) {
      e.violations().forEach(v -> violations.add(new Violation(path, v.toString())));
      return null;
    }
  }

  private ProcessorFee processorFee(JsonNode node, Currency currency) {
    String path = "processorFee";
    if (node == null || node.isNull()) {
      return null;
    }
    if (!object(node, path)) {
      return null;
    }
    unknownFields(node, path, PROCESSOR_FIELDS);
    ProcessorFee.Model model = enumValue(node, path, "model", ProcessorFee.Model.class, null);
    FeePayer payer = enumValue(node, path, "payer", FeePayer.class, FeePayer.PLATFORM);
    Rate percent = percent(node, path, "percent", model == ProcessorFee.Model.ATH);
    Money fixed = amount(node, path, "fixed", currency);
    if (model == null || payer == null) {
      return null;
    }
    try {
      return switch (model) {
        case CARD ->
            ProcessorFee.card(
                percent == null ? ProcessorFee.CARD_DEFAULT_PERCENT : percent,
                fixed == null
                    ? Money.ofMinor(ProcessorFee.CARD_DEFAULT_FIXED_MINOR, currency)
                    : fixed,
                payer);
        case ATH ->
            new ProcessorFee(
                model,
                percent == null ? Rate.ZERO : percent,
                fixed == null ? Money.zero(currency) : fixed,
                payer);
        case NONE ->
            new ProcessorFee(
                model,
                percent == null ? Rate.ZERO : percent,
                fixed == null ? Money.zero(currency) : fixed,
                payer);
      };
    } catch (ValidationException e) {
      e.violations().forEach(v -> violations.add(v));
      return null;
    }
  }

  private Rate taxOnFee(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!object(node, "taxOnFee")) {
      return null;
    }
    unknownFields(node, "taxOnFee", TAX_FIELDS);
    return percent(node, "taxOnFee", "percent", true);
  }

  private Currency currency(JsonNode root) {
    String code = string(root, "", "currency", true);
    if (code == null) {
      return null;
    }
    try {
      Currency currency = Currency.getInstance(code);
      if (currency.getDefaultFractionDigits() < 0) {
        violations.add(new Violation("currency", code + " has no minor unit"));
        return null;
      }
      return currency;
    } catch (IllegalArgumentException e) {
      violations.add(new Violation("currency", "'" + code + "' is not an ISO 4217 currency code"));
      return null;
    }
  }

  private boolean object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      violations.add(new Violation(path, "must be an object"));
      return false;
    }
    return true;
  }

  private void unknownFields(JsonNode node, String path, Set<String> allowed) {
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name)) {
        violations.add(
            new Violation(
                join(path, name),
                "is not a known field (expected one of "
                    + allowed.stream().sorted().collect(Collectors.joining(", "))
                    + ")"));
      }
    }
  }

  private String string(JsonNode node, String path, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        violations.add(new Violation(join(path, field), "is required"));
      }
      return null;
    }
    if (!value.isString()) {
      violations.add(new Violation(join(path, field), "must be a string"));
      return null;
    }
    return value.stringValue();
  }

  private int integer(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      violations.add(new Violation(join(path, field), "is required"));
      return 0;
    }
    if (!value.isInt()) {
      violations.add(new Violation(join(path, field), "must be a whole number"));
      return 0;
    }
    return value.intValue();
  }

  private Instant instant(JsonNode node, String path, String field) {
    String text = string(node, path, field, true);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      violations.add(
          new Violation(
              join(path, field),
              "'"
                  + text
                  + "' is not an ISO-8601 date-time with offset, e.g. 2027-01-01T00:00:00-04:00"));
      return null;
    }
  }

  private <E extends Enum<E>> E enumValue(
      JsonNode node, String path, String field, Class<E> type, E defaultValue) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (defaultValue == null) {
        violations.add(new Violation(join(path, field), "is required"));
      }
      return defaultValue;
    }
    String text = string(node, path, field, true);
    if (text == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    violations.add(
        new Violation(
            join(path, field),
            "'"
                + text
                + "' is not one of "
                + Arrays.stream(type.getEnumConstants())
                    .filter(c -> !"UNNECESSARY".equals(c.name()))
                    .map(Enum::name)
                    .collect(Collectors.joining(", "))));
    return null;
  }

  private BigDecimal decimal(JsonNode node, String path, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        violations.add(new Violation(join(path, field), "is required"));
      }
      return null;
    }
    if (!value.isString()) {
      violations.add(
          new Violation(
              join(path, field),
              "must be a decimal string such as \"7.5\", not a JSON " + kind(value)));
      return null;
    }
    String text = value.stringValue().trim();
    if (!text.matches("[+-]?[0-9]+(\\.[0-9]+)?")) {
      violations.add(
          new Violation(
              join(path, field), "'" + value.stringValue() + "' is not a decimal number"));
      return null;
    }
    return new BigDecimal(text);
  }

  private Money amount(JsonNode node, String path, String field, Currency currency) {
    BigDecimal decimal = decimal(node, path, field, false);
    if (decimal == null) {
      return null;
    }
    if (decimal.signum() < 0) {
      violations.add(
          new Violation(join(path, field), decimal.toPlainString() + " must not be negative"));
      return null;
    }
    try {
      return Money.of(decimal, currency);
    } catch (ValidationException e) {
      violations.add(new Violation(join(path, field), e.violations().get(0).message()));
      return null;
    } catch (RuntimeException e) {
      // MoneyOverflowException: the amount does not fit in minor units.
      violations.add(new Violation(join(path, field), decimal.toPlainString() + " is too large"));
      return null;
    }
  }

  private Rate percent(JsonNode node, String path, String field, boolean required) {
    BigDecimal decimal = decimal(node, path, field, required);
    if (decimal == null) {
      return null;
    }
    try {
      return Rate.ofPercent(decimal);
    } catch (ValidationException e) {
      violations.add(new Violation(join(path, field), e.violations().get(0).message()));
      return null;
    }
  }

  private static String kind(JsonNode value) {
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    return value.isArray() ? "array" : value.isObject() ? "object" : "value";
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
