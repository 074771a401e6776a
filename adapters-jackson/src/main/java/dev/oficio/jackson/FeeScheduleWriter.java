package dev.oficio.jackson;

import dev.oficio.fees.FeeMatch;
import dev.oficio.fees.FeeRule;
import dev.oficio.fees.FeeSchedule;
import dev.oficio.fees.FeeTier;
import dev.oficio.fees.ProcessorFee;
import dev.oficio.shared.Money;
import dev.oficio.shared.Rate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns a schedule into the canonical JSON tree. */
final class FeeScheduleWriter {
  /** Puerto Rico keeps Atlantic Standard Time all year. */
  static final ZoneOffset PUERTO_RICO = ZoneOffset.ofHours(-4);

  private static final DateTimeFormatter WHOLE_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private FeeScheduleWriter() {}

  static ObjectNode toTree(FeeSchedule schedule) {
    ObjectNode root = FeeScheduleJson.MAPPER.createObjectNode();
    root.put("id", schedule.id());
    root.put("version", schedule.version());
    root.put("currency", schedule.currency().getCurrencyCode());
    root.put("effectiveFrom", formatInstant(schedule));
    root.put("rounding", schedule.rounding().name());
    ProcessorFee processor = schedule.processorFee();
    ObjectNode processorNode = root.putObject("processorFee");
    processorNode.put("model", processor.model().name());
    processorNode.put("percent", percent(processor.percent()));
    processorNode.put("fixed", amount(processor.fixed()));
    processorNode.put("payer", processor.payer().name());
    if (schedule.taxOnFee().isZero()) {
      root.putNull("taxOnFee");
    } else {
      root.putObject("taxOnFee").put("percent", percent(schedule.taxOnFee()));
    }
    rules(root.putArray("rules"), schedule.rules());
    rules(root.putArray("customerRules"), schedule.customerRules());
    return root;
  }

  private static String formatInstant(FeeSchedule schedule) {
    OffsetDateTime local = schedule.effectiveFrom().atOffset(PUERTO_RICO);
    return local.getNano() == 0
        ? local.format(WHOLE_SECONDS)
        : local.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static void rules(ArrayNode array, List<FeeRule> rules) {
    for (FeeRule rule : rules) {
      ObjectNode node = array.addObject();
      node.put("name", rule.name());
      ObjectNode match = node.putObject("match");
      FeeMatch ruleMatch = rule.match();
      if (ruleMatch.proId() != null) {
        match.put("proId", ruleMatch.proId().value());
      }
      if (ruleMatch.plan() != null) {
        match.put("plan", ruleMatch.plan());
      }
      if (ruleMatch.category() != null) {
        match.put("category", ruleMatch.category());
      }
      node.put("method", rule.method().name());
      node.put("basis", rule.basis().name());
      ArrayNode tiers = node.putArray("tiers");
      for (FeeTier tier : rule.tiers()) {
        ObjectNode tierNode = tiers.addObject();
        if (tier.upTo() != null) {
          tierNode.put("upTo", amount(tier.upTo()));
        }
        tierNode.put("percent", percent(tier.rate()));
      }
      node.put("fixed", amount(rule.fixed()));
      optionalAmount(node, "minimum", rule.minimum().orElse(null));
      optionalAmount(node, "maximum", rule.maximum().orElse(null));
    }
  }

  private static void optionalAmount(ObjectNode node, String field, Money amount) {
    if (amount == null) {
      node.putNull(field);
    } else {
      node.put(field, amount(amount));
    }
  }

  static String amount(Money money) {
    return money.toDecimal().toPlainString();
  }

  static String percent(Rate rate) {
    return rate.percent().toPlainString();
  }
}
