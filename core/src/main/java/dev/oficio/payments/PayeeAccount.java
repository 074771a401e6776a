package dev.oficio.payments;

import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.List;

/**
 * A pro's account at a payment provider (a Stripe connected account), the destination of payouts.
 * The provider is the source of truth: {@link #payoutsEnabled()} and {@link #requirementsDue()} are
 * updated from its events ({@code account.updated}). Immutable.
 *
 * @param pro the pro
 * @param provider the provider name, e.g. {@code stripe}
 * @param providerAccountId the provider's account id, e.g. {@code acct_…}
 * @param onboarding onboarding progress
 * @param payoutsEnabled whether the provider lets the platform pay this account
 * @param requirementsDue what the provider still needs (its requirement codes); empty when none
 * @param updatedAt when the provider last reported on it
 * @param version optimistic-locking version, 0 for an account never saved
 */
public record PayeeAccount(
    ProId pro,
    String provider,
    String providerAccountId,
    OnboardingStatus onboarding,
    boolean payoutsEnabled,
    List<String> requirementsDue,
    Instant updatedAt,
    long version) {

  /** Checks the fields. */
  public PayeeAccount {
    if (pro == null || onboarding == null || updatedAt == null) {
      throw ValidationException.of("payeeAccount", "pro, onboarding and updatedAt are required");
    }
    if (provider == null || provider.isBlank()) {
      throw ValidationException.of("provider", "must not be blank");
    }
    if (providerAccountId == null || providerAccountId.isBlank()) {
      throw ValidationException.of("providerAccountId", "must not be blank");
    }
    requirementsDue = List.copyOf(requirementsDue == null ? List.of() : requirementsDue);
    if (payoutsEnabled && onboarding != OnboardingStatus.COMPLETE) {
      throw ValidationException.of("payoutsEnabled", "payouts need onboarding COMPLETE");
    }
  }

  /** The provider's latest report on the account, keeping pro, provider, id and version. */
  public PayeeAccount updated(
      OnboardingStatus newOnboarding,
      boolean newPayoutsEnabled,
      List<String> newRequirementsDue,
      Instant now) {
    return new PayeeAccount(
        pro,
        provider,
        providerAccountId,
        newOnboarding,
        newPayoutsEnabled,
        newRequirementsDue,
        now,
        version);
  }

  /** This account as saved at {@code newVersion}; for repositories. */
  public PayeeAccount withVersion(long newVersion) {
    return new PayeeAccount(
        pro,
        provider,
        providerAccountId,
        onboarding,
        payoutsEnabled,
        requirementsDue,
        updatedAt,
        newVersion);
  }

  /**
   * Refuses a payout while payouts are disabled.
   *
   * @throws PayoutsDisabledException naming the pro and what the provider still needs
   */
  public void requirePayoutsEnabled() {
    if (!payoutsEnabled) {
      throw new PayoutsDisabledException(pro, onboarding, requirementsDue);
    }
  }
}
