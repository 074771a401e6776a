package dev.oficio.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.OficioException;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ProviderException;
import dev.oficio.shared.ValidationException;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe Connect onboarding of pros: creates a connected account with controller properties (the
 * platform pays Stripe's fees and owns losses; the pro gets the Express dashboard), creates
 * single-use onboarding links, and turns {@code account.updated} events or a re-read into a {@link
 * StripePayeeStatus}.
 *
 * <p>Failures are thrown as {@link ProviderException} (retryable for rate limits, 5xx and
 * connection failures: every POST carries the caller's idempotency key, so a retry is safe). No
 * Stripe type leaves this class. Thread-safe.
 */
public final class StripePayeeOnboarding {
  private static final Logger log = LoggerFactory.getLogger(StripePayeeOnboarding.class);

  private final StripeClient client;

  StripePayeeOnboarding(StripeClient client) {
    this.client = client;
  }

  /** Onboarding over a client built from {@code config}. */
  public static StripePayeeOnboarding create(StripeConfig config) {
    if (config == null) {
      throw ValidationException.of("config", "must not be null");
    }
    return new StripePayeeOnboarding(StripeClients.create(config));
  }

  /**
   * Creates the pro's connected account.
   *
   * @param pro the Oficio pro, recorded as metadata {@code oficio_pro_id}
   * @param country the account's ISO 3166 country, e.g. {@code US} (Puerto Rico pros are US)
   * @param key e.g. {@code payee:p-17}, so a retried creation does not create a second account
   */
  public StripePayeeStatus createAccount(ProId pro, String country, IdempotencyKey key) {
    if (pro == null) {
      throw ValidationException.of("pro", "must not be null");
    }
    if (country == null || !country.matches("[A-Za-z]{2}")) {
      throw ValidationException.of("country", "must be a two-letter ISO country code");
    }
    requireKey(key);
    AccountCreateParams params =
        AccountCreateParams.builder()
            .setCountry(country.toUpperCase(Locale.ROOT))
            .setController(
                AccountCreateParams.Controller.builder()
                    .setFees(
                        AccountCreateParams.Controller.Fees.builder()
                            .setPayer(AccountCreateParams.Controller.Fees.Payer.APPLICATION)
                            .build())
                    .setLosses(
                        AccountCreateParams.Controller.Losses.builder()
                            .setPayments(AccountCreateParams.Controller.Losses.Payments.APPLICATION)
                            .build())
                    .setStripeDashboard(
                        AccountCreateParams.Controller.StripeDashboard.builder()
                            .setType(AccountCreateParams.Controller.StripeDashboard.Type.EXPRESS)
                            .build())
                    .build())
            .setCapabilities(
                AccountCreateParams.Capabilities.builder()
                    .setCardPayments(
                        AccountCreateParams.Capabilities.CardPayments.builder()
                            .setRequested(true)
                            .build())
                    .setTransfers(
                        AccountCreateParams.Capabilities.Transfers.builder()
                            .setRequested(true)
                            .build())
                    .build())
            .putMetadata(StripeMetadata.PRO_ID, pro.value())
            .build();
    Account account =
        call(
            "create account",
            () -> client.v1().accounts().create(params, StripeClients.idempotent(key)));
    log.info("stripe connected account {} created for pro {}", account.getId(), pro);
    return StripePayeeStatus.of(account);
  }

  /**
   * Creates a single-use onboarding link ({@code type=account_onboarding}).
   *
   * @param accountId the connected account, {@code acct_…}
   * @param refreshUrl where Stripe sends the pro when the link expired; create a new link there
   * @param returnUrl where Stripe sends the pro afterwards (not proof of completion)
   * @param key e.g. {@code onboarding-link:p-17:3}
   */
  public StripeOnboardingLink onboardingLink(
      String accountId, URI refreshUrl, URI returnUrl, IdempotencyKey key) {
    requireAccount(accountId);
    requireHttps("refreshUrl", refreshUrl);
    requireHttps("returnUrl", returnUrl);
    requireKey(key);
    AccountLinkCreateParams params =
        AccountLinkCreateParams.builder()
            .setAccount(accountId)
            .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
            .setRefreshUrl(refreshUrl.toString())
            .setReturnUrl(returnUrl.toString())
            .build();
    AccountLink link =
        call(
            "create account link",
            () -> client.v1().accountLinks().create(params, StripeClients.idempotent(key)));
    if (link.getUrl() == null || link.getExpiresAt() == null) {
      throw new ProviderException(
          StripeErrors.PROVIDER,
          "invalid_response",
          false,
          null,
          "account link without url or expires_at",
          null);
    }
    return new StripeOnboardingLink(
        URI.create(link.getUrl()), Instant.ofEpochSecond(link.getExpiresAt()));
  }

  /** Re-reads the account (use it when events may have arrived out of order). */
  public StripePayeeStatus status(String accountId) {
    requireAccount(accountId);
    return StripePayeeStatus.of(
        call("retrieve account", () -> client.v1().accounts().retrieve(accountId)));
  }

  /**
   * The account's status carried by an {@code account.updated} event.
   *
   * @throws ValidationException if the event is not an {@code account.updated} with an account
   */
  public StripePayeeStatus apply(StripeEvent event) {
    if (event == null) {
      throw ValidationException.of("event", "must not be null");
    }
    if (event.kind() != StripeEventKind.ACCOUNT_UPDATED || event.payee() == null) {
      throw ValidationException.of(
          "event", "must be an account.updated event with its account, was " + event.type());
    }
    return event.payee();
  }

  private static <T> T call(String operation, StripeErrors.Call<T> call) {
    try {
      return call.run();
    } catch (StripeException e) {
      ProviderException mapped = StripeErrors.toProviderException(operation, e);
      log.warn("stripe {} failed: {}", operation, mapped.getMessage());
      throw mapped;
    } catch (OficioException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProviderException(
          StripeErrors.PROVIDER,
          "invalid_response",
          true,
          null,
          operation + " returned an unreadable response (" + e.getClass().getSimpleName() + ")",
          null);
    }
  }

  private static void requireAccount(String accountId) {
    if (accountId == null || !accountId.startsWith("acct_") || accountId.length() < 6) {
      throw ValidationException.of("accountId", "must be a Stripe account id (acct_…)");
    }
  }

  private static void requireKey(IdempotencyKey key) {
    if (key == null) {
      throw ValidationException.of("idempotencyKey", "must not be null");
    }
  }

  private static void requireHttps(String field, URI url) {
    if (url == null
        || url.getHost() == null
        || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
      throw ValidationException.of(field, "must be an absolute http(s) URL");
    }
  }
}
