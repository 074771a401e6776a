package dev.oficio.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.reliability.ReliabilityCounters;
import dev.oficio.reliability.ReliabilityEvent;
import dev.oficio.reliability.ReliabilityModel;
import dev.oficio.shared.ProId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReliabilityScoreJsonTest {

  @Test
  void writesScoreTierAndComponentsByName() {
    ProId pro = ProId.of("p-17");
    Instant at = Instant.parse("2027-03-02T19:00:00Z");
    ReliabilityCounters counters = ReliabilityModel.defaults().newCounters(pro);
    counters.apply(new ReliabilityEvent.JobCompleted(pro, at, 0));
    counters.apply(new ReliabilityEvent.ProNoShow(pro, at));
    counters.apply(new ReliabilityEvent.CustomerNoShow(pro, at));
    String json = ReliabilityScoreJson.create().write(counters.score(at));
    JsonNode node = JsonMapper.builder().build().readTree(json);
    assertThat(node.get("score").isNumber()).isTrue();
    assertThat(node.get("tier").stringValue()).isEqualTo("NEW");
    assertThat(node.get("components").propertyNames())
        .containsExactly(
            "completion",
            "punctuality",
            "responsiveness",
            "cancellation",
            "noShow",
            "rating",
            "disputes");
    JsonNode completion = node.get("components").get("completion");
    assertThat(completion.propertyNames())
        .contains(
            "count",
            "decayedCount",
            "rate",
            "prior",
            "value",
            "contribution",
            "nextTier",
            "reasonCodes");
    // (1 + 9) / (2 + 10)
    assertThat(completion.get("value").doubleValue()).isEqualTo(0.8333);
    assertThat(completion.get("count").intValue()).isEqualTo(2);
    assertThat(completion.get("reasonCodes").get(0).stringValue()).isEqualTo("PRO_NO_SHOW");
    assertThat(node.get("exclusions").get("CUSTOMER_NO_SHOW_EXCLUDED").intValue()).isEqualTo(1);
  }
}
