package dev.oficio.ledger;

import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;

/**
 * A ledger account: its type and, for per-owner types, the owner ({@code PRO_PAYABLE/p-17}).
 *
 * @param type the account type
 * @param owner the owner id for {@link AccountType#perOwner()} types, otherwise empty
 */
public record Account(AccountType type, String owner) implements Comparable<Account> {

  /** Checks that owner presence matches the type. */
  public Account {
    if (type == null) {
      throw ValidationException.of("account.type", "must not be null");
    }
    if (owner == null) {
      owner = "";
    }
    if (type.perOwner() && owner.isBlank()) {
      throw ValidationException.of("account.owner", type + " accounts need an owner");
    }
    if (!type.perOwner() && !owner.isEmpty()) {
      throw ValidationException.of("account.owner", type + " accounts have no owner");
    }
  }

  /** The platform-wide account of {@code type}. */
  public static Account of(AccountType type) {
    return new Account(type, "");
  }

  /** What the platform owes {@code pro}. */
  public static Account proPayable(ProId pro) {
    if (pro == null) {
      throw ValidationException.of("pro", "must not be null");
    }
    return new Account(AccountType.PRO_PAYABLE, pro.value());
  }

  @Override
  public int compareTo(Account other) {
    int byType = type.compareTo(other.type);
    return byType != 0 ? byType : owner.compareTo(other.owner);
  }

  /** {@code PRO_PAYABLE/p-17} or {@code PLATFORM_REVENUE}. */
  @Override
  public String toString() {
    return owner.isEmpty() ? type.name() : type.name() + "/" + owner;
  }
}
