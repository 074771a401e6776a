package dev.oficio.ledger;

/**
 * The kinds of ledger accounts. Balances are signed: debits positive, credits negative. Asset
 * accounts ({@link #CASH_AT_PROVIDER}, {@link #PROCESSOR_FEES} as an expense) carry debit balances;
 * liabilities and revenue carry credit balances.
 */
public enum AccountType {
  /** Money the payment provider holds for the platform (settled or pending payout). Asset. */
  CASH_AT_PROVIDER(false),
  /** A customer's money taken (charged or captured) but not yet earned by anyone. Liability. */
  CUSTOMER_FUNDS_HELD(false),
  /** Estimate deposits taken and not yet captured, refunded, applied or forfeited. Liability. */
  DEPOSITS_HELD(false),
  /** What the platform owes one pro; the account's owner is the pro id. Liability. */
  PRO_PAYABLE(true),
  /** The platform's fee income. Revenue. */
  PLATFORM_REVENUE(false),
  /** Card and ATH Móvil processing fees the platform bears. Expense. */
  PROCESSOR_FEES(false),
  /** Promo and referral credits granted and not yet used or expired. Liability. */
  PROMO_CREDIT_LIABILITY(false),
  /** Tax (Puerto Rico IVU) collected on fees, owed to Hacienda. Liability. */
  TAX_PAYABLE(false);

  private final boolean perOwner;

  AccountType(boolean perOwner) {
    this.perOwner = perOwner;
  }

  /** Whether each account of this type belongs to one owner (such as a pro). */
  public boolean perOwner() {
    return perOwner;
  }
}
