package dev.oficio.examples;

import dev.oficio.deposits.DepositSettlement;
import dev.oficio.shared.Money;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON the runner prints with {@code --json}: one Jackson mapper, amounts as decimal strings in
 * major units ({@code "12.30"}) so no reader turns money into a floating-point number.
 */
final class ExampleJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ExampleJson() {}

  /** A new, empty object; fields keep the order they are put in. */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code money} as a decimal string. */
  static String decimal(Money money) {
    return money.toDecimal().toPlainString();
  }

  /** Where a settled deposit went, as an object of decimal strings. */
  static ObjectNode settlement(DepositSettlement s) {
    ObjectNode money = object();
    money.put("proShare", decimal(s.proShare()));
    money.put("platformShare", decimal(s.platformShare()));
    money.put("refund", decimal(s.refund()));
    money.put("applied", decimal(s.applied()));
    money.put("customerCredit", decimal(s.customerCredit()));
    return money;
  }

  /** {@code node} on one line. */
  static String write(ObjectNode node) {
    return MAPPER.writeValueAsString(node);
  }
}
