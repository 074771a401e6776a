package dev.oficio.stripe;

import dev.oficio.shared.ValidationException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the Stripe adapter: the secret API key, the webhook endpoint secret(s), the API base
 * URL (Stripe's, a proxy's, or a local test server's), timeouts and network retries.
 *
 * <p>Secrets are never logged: {@link #toString()} masks them. Immutable and thread-safe. Build
 * with {@link #builder()}.
 */
public final class StripeConfig {
  /** Stripe's production API base. */
  public static final String DEFAULT_API_BASE = "https://api.stripe.com";

  /** Stripe's recommended signature tolerance: 300 seconds. */
  public static final Duration DEFAULT_WEBHOOK_TOLERANCE = Duration.ofSeconds(300);

  private final String secretKey;
  private final List<String> webhookSecrets;
  private final String apiBase;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxNetworkRetries;
  private final Duration webhookTolerance;

  private StripeConfig(Builder builder) {
    this.secretKey = builder.secretKey;
    this.webhookSecrets = List.copyOf(builder.webhookSecrets);
    this.apiBase = builder.apiBase;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.maxNetworkRetries = builder.maxNetworkRetries;
    this.webhookTolerance = builder.webhookTolerance;
  }

  /** A builder with Stripe's defaults: 30 s connect, 80 s read, 2 network retries, 300 s. */
  public static Builder builder() {
    return new Builder();
  }

  /** The secret (or restricted) API key, {@code sk_…} or {@code rk_…}. Never log it. */
  public String secretKey() {
    return secretKey;
  }

  /**
   * The webhook endpoint secrets ({@code whsec_…}); a signature made with any of them is accepted,
   * so a secret can be rolled without losing deliveries. May be empty if webhooks are not used.
   */
  public List<String> webhookSecrets() {
    return webhookSecrets;
  }

  /** The API base URL, e.g. {@code https://api.stripe.com}. */
  public String apiBase() {
    return apiBase;
  }

  /** How long to wait for a TCP connection. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long to wait for a response; past it the outcome of a POST is unknown. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * How many times stripe-java retries a request after a connection failure, a 409 conflict or a
   * 5xx, always with the same idempotency key.
   */
  public int maxNetworkRetries() {
    return maxNetworkRetries;
  }

  /** The maximum age (and future skew) of a webhook signature's timestamp. */
  public Duration webhookTolerance() {
    return webhookTolerance;
  }

  /** The settings with every secret masked; safe to log. */
  @Override
  public String toString() {
    return "StripeConfig[secretKey="
        + mask(secretKey)
        + ", webhookSecrets="
        + webhookSecrets.stream().map(StripeConfig::mask).toList()
        + ", apiBase="
        + apiBase
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", maxNetworkRetries="
        + maxNetworkRetries
        + ", webhookTolerance="
        + webhookTolerance
        + "]";
  }

  /** Keeps the key's type prefix ({@code sk_test_}) and hides the rest. */
  static String mask(String secret) {
    int prefixEnd = secret.lastIndexOf('_');
    String prefix = prefixEnd >= 0 && prefixEnd < 12 ? secret.substring(0, prefixEnd + 1) : "";
    return prefix + "****";
  }

  /** Builds a {@link StripeConfig}; not thread-safe. */
  public static final class Builder {
    private String secretKey;
    private final List<String> webhookSecrets = new ArrayList<>();
    private String apiBase = DEFAULT_API_BASE;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration readTimeout = Duration.ofSeconds(80);
    private int maxNetworkRetries = 2;
    private Duration webhookTolerance = DEFAULT_WEBHOOK_TOLERANCE;

    private Builder() {}

    /** The secret key, {@code sk_live_…}, {@code sk_test_…} or a restricted {@code rk_…} key. */
    public Builder secretKey(String secretKey) {
      if (secretKey == null
          || secretKey.isBlank()
          || !(secretKey.startsWith("sk_") || secretKey.startsWith("rk_"))
          || secretKey.chars().anyMatch(Character::isWhitespace)) {
        throw ValidationException.of("secretKey", "must be a Stripe secret key (sk_… or rk_…)");
      }
      this.secretKey = secretKey;
      return this;
    }

    /** Adds a webhook endpoint secret; add the old and the new one while rolling. */
    public Builder webhookSecret(String webhookSecret) {
      if (webhookSecret == null
          || webhookSecret.isBlank()
          || webhookSecret.chars().anyMatch(Character::isWhitespace)) {
        throw ValidationException.of("webhookSecret", "must not be blank or contain spaces");
      }
      this.webhookSecrets.add(webhookSecret);
      return this;
    }

    /** The API base, e.g. a proxy or a local test server; http(s) without a trailing path. */
    public Builder apiBase(String apiBase) {
      URI uri;
      try {
        uri = apiBase == null ? null : URI.create(apiBase);
      } catch (IllegalArgumentException e) {
        uri = null;
      }
      if (uri == null
          || uri.getHost() == null
          || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath()))) {
        throw ValidationException.of("apiBase", "must be an http(s) URL without a path");
      }
      this.apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
      return this;
    }

    /** The connect timeout, 1 ms to 10 minutes. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = checkTimeout("connectTimeout", connectTimeout);
      return this;
    }

    /** The read timeout, 1 ms to 10 minutes. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = checkTimeout("readTimeout", readTimeout);
      return this;
    }

    /** Network retries, 0 to 10. */
    public Builder maxNetworkRetries(int maxNetworkRetries) {
      if (maxNetworkRetries < 0 || maxNetworkRetries > 10) {
        throw ValidationException.of("maxNetworkRetries", "must be between 0 and 10");
      }
      this.maxNetworkRetries = maxNetworkRetries;
      return this;
    }

    /** The webhook timestamp tolerance, 1 second to 1 hour; never zero (that disables it). */
    public Builder webhookTolerance(Duration webhookTolerance) {
      if (webhookTolerance == null
          || webhookTolerance.compareTo(Duration.ofSeconds(1)) < 0
          || webhookTolerance.compareTo(Duration.ofHours(1)) > 0) {
        throw ValidationException.of("webhookTolerance", "must be between 1 second and 1 hour");
      }
      this.webhookTolerance = webhookTolerance;
      return this;
    }

    /** The configuration; the secret key is required. */
    public StripeConfig build() {
      if (secretKey == null) {
        throw ValidationException.of("secretKey", "is required");
      }
      return new StripeConfig(this);
    }

    private static Duration checkTimeout(String field, Duration timeout) {
      if (timeout == null
          || timeout.toMillis() < 1
          || timeout.compareTo(Duration.ofMinutes(10)) > 0
          || timeout.toMillis() > Integer.MAX_VALUE) {
        throw ValidationException.of(field, "must be between 1 ms and 10 minutes");
      }
      return timeout;
    }
  }
}
