package dev.oficio.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.ValidationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeMetadataTest {

  @Test
  void escapesQuotesAndBackslashesInSearchTerms() {
    assertThat(StripeMetadata.searchTerm("oficio_idempotency_key", "authorize:pay-1"))
        .isEqualTo("metadata['oficio_idempotency_key']:'authorize:pay-1'");
    assertThat(StripeMetadata.searchTerm("oficio_payment_id", "o'neil\\1"))
        .isEqualTo("metadata['oficio_payment_id']:'o\\'neil\\\\1'");
  }

  @Test
  void keepsOficiosKeysAndAddsTheHosts() {
    Map<String, String> merged =
        StripeMetadata.merge(Map.of("oficio_payment_id", "pay-1"), Map.of("job", "job-1"));

    assertThat(merged)
        .containsExactlyInAnyOrderEntriesOf(Map.of("oficio_payment_id", "pay-1", "job", "job-1"));
  }

  @Test
  void refusesMetadataStripeWouldReject() {
    Map<String, String> oficio = Map.of("oficio_payment_id", "pay-1");
    assertThatThrownBy(() -> StripeMetadata.merge(oficio, Map.of("oficio_payment_id", "other")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> StripeMetadata.merge(oficio, Map.of("k".repeat(41), "v")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("40");
    assertThatThrownBy(() -> StripeMetadata.merge(oficio, Map.of("k", "v".repeat(501))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("500");
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      many.put("key" + i, "v");
    }
    assertThatThrownBy(() -> StripeMetadata.merge(oficio, many))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("50");
  }
}
