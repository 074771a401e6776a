package dev.oficio.payments;

import dev.oficio.shared.OficioException;
import dev.oficio.shared.ProId;
import java.util.List;

/**
 * A payout to a pro was refused because their payee account cannot receive payouts (onboarding not
 * finished, or the provider disabled payouts). The pro's money stays payable in the ledger.
 */
public final class PayoutsDisabledException extends OficioException {
  private static final long serialVersionUID = 1L;

  private final transient ProId pro;

  /**
   * @param pro the pro
   * @param onboarding where their onboarding stands
   * @param requirementsDue what the provider still needs
   */
  public PayoutsDisabledException(
      ProId pro, OnboardingStatus onboarding, List<String> requirementsDue) {
    super(
        "payouts to pro "
            + pro
            + " are disabled (onboarding "
            + onboarding
            + (requirementsDue.isEmpty()
                ? ""
                : ", requirements due: " + String.join(", ", requirementsDue))
            + ")");
    this.pro = pro;
  }

  /** The pro whose payout was refused. */
  public ProId pro() {
    return pro;
  }
}
