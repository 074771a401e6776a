package dev.oficio.reliability;

import static dev.oficio.reliability.Fixtures.pro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.oficio.reliability.Ranker.Candidate;
import dev.oficio.reliability.Ranker.RankPart;
import dev.oficio.reliability.Ranker.Signal;
import dev.oficio.shared.CurrencyMismatchException;
import dev.oficio.shared.Money;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.ValidationException;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankerTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Ranker RANKER = Ranker.defaults();

  private static Candidate candidate(String id, double reliability, double boost) {
    return new Candidate(pro(id), reliability, 4.5, 30, Money.of("200.00", USD), boost);
  }

  @Test
  void ordersByTheBlendedSignal() {
    Ranking ranking =
        RANKER.rank(
            List.of(candidate("p-1", 70, 0), candidate("p-2", 90, 0), candidate("p-3", 80, 0)),
            Money.of("200.00", USD),
            3);
    assertThat(ranking.order()).containsExactly(pro("p-2"), pro("p-3"), pro("p-1"));
    assertThat(ranking.top().get(0).position()).isEqualTo(1);
    assertThat(ranking.candidateCount()).isEqualTo(3);
  }

  @Test
  void moneyCannotBuyTheTopSpotOverAMuchMoreReliablePro() {
    // Default boost: up to 3 points; reliability weighs 0.5, so a lead of more than 6 points
    // cannot be bought.
    assertThat(RANKER.policy().boostMargin()).isEqualTo(6);
    Ranking ranking =
        RANKER.rank(
            List.of(candidate("p-paying", 83.9, 1.0), candidate("p-reliable", 90, 0)), null, 2);
    assertThat(ranking.order()).containsExactly(pro("p-reliable"), pro("p-paying"));
  }

  @Test
  void aBoostCanBreakANearTie() {
    Ranking ranking =
        RANKER.rank(
            List.of(candidate("p-paying", 88, 1.0), candidate("p-reliable", 90, 0)), null, 2);
    // 0.5·88 + 3 = 47 > 0.5·90 = 45
    assertThat(ranking.order()).containsExactly(pro("p-paying"), pro("p-reliable"));
  }

  @Test
  void equalCandidatesBreakTiesByProId() {
    Candidate a = new Candidate(pro("p-b"), 80, 4.5, 30, null, 0);
    Candidate b = new Candidate(pro("p-a"), 80, 4.5, 30, null, 0);
    Candidate c = new Candidate(pro("p-c"), 80, 4.5, 30, null, 0);
    assertThat(RANKER.rank(List.of(a, b, c), null, 3).order())
        .containsExactly(pro("p-a"), pro("p-b"), pro("p-c"));
    assertThat(RANKER.rank(List.of(c, b, a), null, 3).order())
        .containsExactly(pro("p-a"), pro("p-b"), pro("p-c"));
  }

  @Test
  void equalTotalsBreakTiesByReliabilityFirst() {
    Candidate[] all = {
      new Candidate(pro("p-a"), 70, 5, 0, null, 0), new Candidate(pro("p-z"), 90, 1, 0, null, 0)
    };
    double[] sameTotals = {50, 50};
    assertThat(Ranker.before(all, sameTotals, 1, 0)).isTrue();
    assertThat(Ranker.before(all, sameTotals, 0, 1)).isFalse();
  }

  @Test
  void proximityAndPriceCount() {
    Money reference = Money.of("200.00", USD);
    Candidate near = new Candidate(pro("p-near"), 80, 4.5, 0, reference, 0);
    Candidate far = new Candidate(pro("p-far"), 80, 4.5, 90, reference, 0);
    Candidate cheap = new Candidate(pro("p-cheap"), 80, 4.5, 90, Money.of("100.00", USD), 0);
    Ranking ranking = RANKER.rank(List.of(far, cheap, near), reference, 3);
    // near: proximity 1 → +15; cheap: price 0.75 instead of 0.5 → +3.75
    assertThat(ranking.order()).containsExactly(pro("p-near"), pro("p-cheap"), pro("p-far"));
  }

  @Test
  void explainShowsEveryPartAndThePosition() {
    Money reference = Money.of("200.00", USD);
    Candidate subject = new Candidate(pro("p-17"), 80, 4.6, 45, Money.of("150.00", USD), 0.5);
    Ranking ranking =
        RANKER.rank(
            List.of(candidate("p-1", 99, 1), candidate("p-2", 98, 1), subject), reference, 1);
    Ranker.RankedPro explained = ranking.explain(pro("p-17"));
    assertThat(explained.position()).isEqualTo(3);
    assertThat(explained.parts()).extracting(RankPart::signal).containsExactly(Signal.values());
    // 0.5·80 + 0.2·90 + 0.15·50 + 0.15·(1 − 0.75/2)·100 + 0.5·3
    double expected = 40 + 18 + 7.5 + 9.375 + 1.5;
    assertThat(explained.total()).isCloseTo(expected, within(1e-9));
    assertThat(explained.parts().stream().mapToDouble(RankPart::points).sum())
        .isCloseTo(expected, within(1e-9));
    assertThat(ranking.top()).hasSize(1);
    assertThatThrownBy(() -> ranking.explain(pro("p-none"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void rejectsDuplicatesBadInputAndMixedCurrencies() {
    assertThatThrownBy(
            () -> RANKER.rank(List.of(candidate("p-1", 1, 0), candidate("p-1", 2, 0)), null, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("candidates[1]");
    assertThatThrownBy(() -> RANKER.rank(List.of(), null, 0)).hasMessageContaining("top");
    assertThatThrownBy(() -> new Candidate(pro("p-1"), 101, 4, 0, null, 0))
        .hasMessageContaining("reliability");
    assertThatThrownBy(() -> new Candidate(pro("p-1"), 50, 4, 0, null, 1.5))
        .hasMessageContaining("planBoost");
    Candidate euro =
        new Candidate(pro("p-1"), 50, 4, 0, Money.of("10.00", Currency.getInstance("EUR")), 0);
    assertThatThrownBy(() -> RANKER.rank(List.of(euro), Money.of("10.00", USD), 1))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void policyRefusesABoostThatCouldBuyATenPointLead() {
    assertThatThrownBy(() -> new Ranker.Policy(0.5, 0.2, 0.15, 0.15, 90, 6))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxBoostPoints");
    assertThatThrownBy(() -> new Ranker.Policy(0.5, 0.2, 0.15, 0.2, 90, 1))
        .hasMessageContaining("weights: must sum to 1");
  }
}
