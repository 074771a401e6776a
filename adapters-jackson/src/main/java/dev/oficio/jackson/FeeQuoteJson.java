package dev.oficio.jackson;

import dev.oficio.fees.FeeExplanation;
import dev.oficio.fees.FeeQuote;
import dev.oficio.fees.FeeSlice;
import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link FeeQuote} as one JSON object: every amount a decimal string ({@code "56.25"}),
 * plus {@code rule}, {@code scheduleId}, {@code scheduleVersion} and the {@code explanation} (each
 * tier slice with its base, rate and exact fee, and readable {@code lines}). Thread-safe.
 */
public final class FeeQuoteJson {

  private FeeQuoteJson() {}

  /** The quote as an indented JSON object. */
  public static String write(FeeQuote quote) {
    if (quote == null) {
      throw ValidationException.of("quote", "must not be null");
    }
    ObjectNode root = FeeScheduleJson.MAPPER.createObjectNode();
    root.put("gross", amount(quote.gross()));
    root.put("platformFee", amount(quote.platformFee()));
    root.put("customerServiceFee", amount(quote.customerServiceFee()));
    root.put("processorFee", amount(quote.processorFee()));
    root.put("taxOnFee", amount(quote.taxOnFee()));
    root.put("proPayout", amount(quote.proPayout()));
    root.put("customerTotal", amount(quote.customerTotal()));
    root.put("rule", quote.rule());
    root.put("scheduleVersion", Integer.toString(quote.scheduleVersion()));
    root.put("scheduleId", quote.scheduleId());
    root.put("currency", quote.gross().currency().getCurrencyCode());
    root.put("processorFeePayer", quote.processorFeePayer().name());
    root.put("processorFeeBorneByPro", amount(quote.processorFeeBorneByPro()));
    if (quote.customerRule() == null) {
      root.putNull("customerRule");
    } else {
      root.put("customerRule", quote.customerRule());
    }
    root.put("effectiveRatePercent", quote.effectiveRatePercent(4).toPlainString());
    ObjectNode explanation = root.putObject("explanation");
    if (quote.explanation() == null) {
      explanation.putNull("platformFee");
    } else {
      explain(explanation.putObject("platformFee"), quote.explanation());
    }
    if (quote.customerExplanation() == null) {
      explanation.putNull("customerServiceFee");
    } else {
      explain(explanation.putObject("customerServiceFee"), quote.customerExplanation());
    }
    ArrayNode lines = explanation.putArray("lines");
    quote.explanationLines().forEach(lines::add);
    return FeeScheduleJson.writeTree(root);
  }

  private static void explain(ObjectNode node, FeeExplanation explanation) {
    node.put("rule", explanation.rule());
    node.put("method", explanation.method().name());
    node.put("basis", explanation.basis().name());
    node.put("priorVolume", amount(explanation.priorVolume()));
    ArrayNode slices = node.putArray("slices");
    for (FeeSlice slice : explanation.slices()) {
      ObjectNode item = slices.addObject();
      item.put("tier", slice.tier());
      item.put("from", amount(slice.from()));
      if (slice.to() == null) {
        item.putNull("to");
      } else {
        item.put("to", amount(slice.to()));
      }
      item.put("base", amount(slice.base()));
      item.put("percent", slice.rate().percent().toPlainString());
      item.put("fee", slice.fee().toPlainString());
    }
    node.put("fixed", amount(explanation.fixed()));
    node.put("beforeLimits", explanation.beforeLimits().toPlainString());
    node.put("limit", explanation.limit().name());
    node.put("exact", explanation.exact().toPlainString());
    node.put("rounded", amount(explanation.rounded()));
  }

  private static String amount(Money money) {
    return money.toDecimal().toPlainString();
  }
}
