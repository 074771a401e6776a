package dev.oficio.payments;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryPayeeAccountsTest extends PayeeAccountsContractTest {
  @Override
  protected PayeeAccounts newAccounts() {
    return new InMemoryPayeeAccounts();
  }

  @Test
  void payoutsNeedCompleteOnboarding() {
    assertThatThrownBy(
            () ->
                new PayeeAccount(
                    ProId.of("p"),
                    "stripe",
                    "acct",
                    OnboardingStatus.PENDING,
                    true,
                    List.of(),
                    Instant.EPOCH,
                    0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("payoutsEnabled");
  }
}
