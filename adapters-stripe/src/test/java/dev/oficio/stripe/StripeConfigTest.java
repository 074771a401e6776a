package dev.oficio.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StripeConfigTest {
  private static final String KEY = "sk_test_51OficioSecretValue9876";
  private static final String WEBHOOK = "whsec_" + "OficioEndpointSecret1234";

  @Test
  void defaultsMatchStripesRecommendations() {
    StripeConfig config = StripeConfig.builder().secretKey(KEY).build();

    assertThat(config.apiBase()).isEqualTo("https://api.stripe.com");
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(80));
    assertThat(config.maxNetworkRetries()).isEqualTo(2);
    assertThat(config.webhookTolerance()).isEqualTo(Duration.ofSeconds(300));
    assertThat(config.webhookSecrets()).isEmpty();
  }

  @Test
  void keepsEverySetting() {
    StripeConfig config =
        StripeConfig.builder()
            .secretKey(KEY)
            .webhookSecret(WEBHOOK)
            .webhookSecret("whsec_second")
            .apiBase("http://127.0.0.1:8089/")
            .connectTimeout(Duration.ofSeconds(3))
            .readTimeout(Duration.ofSeconds(20))
            .maxNetworkRetries(3)
            .webhookTolerance(Duration.ofSeconds(120))
            .build();

    assertThat(config.secretKey()).isEqualTo(KEY);
    assertThat(config.webhookSecrets()).containsExactly(WEBHOOK, "whsec_second");
    assertThat(config.apiBase()).isEqualTo("http://127.0.0.1:8089");
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.maxNetworkRetries()).isEqualTo(3);
    assertThat(config.webhookTolerance()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void masksSecretsInToString() {
    String text = StripeConfig.builder().secretKey(KEY).webhookSecret(WEBHOOK).build().toString();

    assertThat(text)
        .doesNotContain("51OficioSecretValue9876")
        .doesNotContain("OficioEndpointSecret1234")
        .contains("sk_test_****")
        .contains("whsec_****");
  }

  @Test
  void rejectsWhatIsNotASecretKey() {
    assertThatThrownBy(() -> StripeConfig.builder().secretKey("pk_test_publishable"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("secretKey");
    assertThatThrownBy(() -> StripeConfig.builder().secretKey(null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> StripeConfig.builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("secretKey");
  }

  @Test
  void theErrorForABadKeyDoesNotEchoIt() {
    assertThatThrownBy(() -> StripeConfig.builder().secretKey("sk_live_has spaces9876"))
        .isInstanceOf(ValidationException.class)
        .message()
        .doesNotContain("spaces9876");
  }

  @Test
  void rejectsBadSettings() {
    StripeConfig.Builder builder = StripeConfig.builder();
    assertThatThrownBy(() -> builder.apiBase("ftp://example.com"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("apiBase");
    assertThatThrownBy(() -> builder.apiBase("https://api.stripe.com/v1"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> builder.apiBase("not a url")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ofHours(1)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> builder.maxNetworkRetries(-1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxNetworkRetries");
    assertThatThrownBy(() -> builder.webhookTolerance(Duration.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("webhookTolerance");
    assertThatThrownBy(() -> builder.webhookSecret(" ")).isInstanceOf(ValidationException.class);
  }
}
