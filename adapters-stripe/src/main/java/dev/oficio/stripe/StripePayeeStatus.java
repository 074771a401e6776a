package dev.oficio.stripe;

import com.stripe.model.Account;
import dev.oficio.payments.OnboardingStatus;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Stripe says about a pro's connected account: whether it can take charges and receive
 * payouts, and what Stripe still needs. Built from the account object (on creation, on {@code
 * account.updated}, or on a re-read). An adapter-level record meant to be applied to core's payee
 * account by a thin wrapper.
 *
 * @param accountId the connected account, {@code acct_…}
 * @param pro the Oficio pro recorded in the account's metadata, or null if absent
 * @param chargesEnabled whether the account can receive destination charges
 * @param payoutsEnabled whether Stripe pays the account out to the pro's bank
 * @param detailsSubmitted whether the pro finished the onboarding form (not that it was approved)
 * @param currentlyDue requirements to collect now, never null
 * @param pastDue requirements whose deadline passed (capabilities are disabled), never null
 * @param disabledReason why the account is disabled, e.g. {@code requirements.past_due}, or null
 */
public record StripePayeeStatus(
    String accountId,
    ProId pro,
    boolean chargesEnabled,
    boolean payoutsEnabled,
    boolean detailsSubmitted,
    List<String> currentlyDue,
    List<String> pastDue,
    String disabledReason) {

  /** Checks the fields. */
  public StripePayeeStatus {
    if (accountId == null || accountId.isBlank()) {
      throw ValidationException.of("accountId", "must not be blank");
    }
    currentlyDue = currentlyDue == null ? List.of() : List.copyOf(currentlyDue);
    pastDue = pastDue == null ? List.of() : List.copyOf(pastDue);
  }

  /** Whether the pro can be paid: charges and payouts enabled. */
  public boolean canBePaid() {
    return chargesEnabled && payoutsEnabled;
  }

  /**
   * Core's onboarding status: {@code PENDING} until the pro submitted their details, {@code
   * COMPLETE} once Stripe enables payouts and disables nothing, {@code RESTRICTED} otherwise.
   */
  public OnboardingStatus onboarding() {
    if (!detailsSubmitted) {
      return OnboardingStatus.PENDING;
    }
    return payoutsEnabled && disabledReason == null
        ? OnboardingStatus.COMPLETE
        : OnboardingStatus.RESTRICTED;
  }

  /**
   * Whether Oficio may pay the pro: Stripe enables payouts and onboarding is {@link
   * OnboardingStatus#COMPLETE} (core's payee account allows payouts only then).
   */
  public boolean payoutsEnabledWhenOnboarded() {
    return payoutsEnabled && onboarding() == OnboardingStatus.COMPLETE;
  }

  /** What Stripe still needs: past-due requirements first, then currently due ones. */
  public List<String> requirementsDue() {
    Set<String> due = new LinkedHashSet<>(pastDue);
    due.addAll(currentlyDue);
    return List.copyOf(due);
  }

  static StripePayeeStatus of(Account account) {
    Account.Requirements requirements = account.getRequirements();
    String proValue =
        account.getMetadata() == null ? null : account.getMetadata().get(StripeMetadata.PRO_ID);
    ProId pro;
    try {
      pro = proValue == null ? null : ProId.of(proValue);
    } catch (ValidationException e) {
      pro = null;
    }
    return new StripePayeeStatus(
        account.getId(),
        pro,
        Boolean.TRUE.equals(account.getChargesEnabled()),
        Boolean.TRUE.equals(account.getPayoutsEnabled()),
        Boolean.TRUE.equals(account.getDetailsSubmitted()),
        requirements == null ? null : requirements.getCurrentlyDue(),
        requirements == null ? null : requirements.getPastDue(),
        requirements == null ? null : requirements.getDisabledReason());
  }
}
