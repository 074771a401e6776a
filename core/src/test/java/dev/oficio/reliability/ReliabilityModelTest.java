package dev.oficio.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReliabilityModelTest {

  @Test
  void defaultsAreValidAndDocumented() {
    ReliabilityModel model = ReliabilityModel.defaults();
    assertThat(model.weight(Component.COMPLETION)).isEqualTo(25);
    assertThat(model.halfLife(Component.NO_SHOW)).isEqualTo(Duration.ofDays(90));
    assertThat(model.halfLife(Component.RATING)).isEqualTo(Duration.ofDays(180));
    assertThat(model.prior(Component.RATING).mean()).isEqualTo(4.3);
    assertThat(model.tierRule(Tier.NEW)).isNull();
    assertThat(model.tierRule(Tier.TOP).minScore()).isEqualTo(85);
  }

  @Test
  void rejectsANegativeWeightNamingTheComponent() {
    assertThatThrownBy(() -> ReliabilityModel.builder().weight(Component.RATING, -1).build())
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).violations())
                    .extracting(ValidationException.Violation::field)
                    .containsExactly("weights.RATING"));
  }

  @Test
  void rejectsAllZeroWeights() {
    ReliabilityModel.Builder builder = ReliabilityModel.builder();
    for (Component c : Component.values()) {
      builder.weight(c, 0);
    }
    assertThatThrownBy(builder::build).hasMessageContaining("weights: at least one weight");
  }

  @Test
  void rejectsPriorsOutsideTheirRangeAndListsEveryViolation() {
    assertThatThrownBy(
            () ->
                ReliabilityModel.builder()
                    .prior(Component.NO_SHOW, new ReliabilityModel.Prior(1.5, 10))
                    .prior(Component.RATING, new ReliabilityModel.Prior(0.5, 0))
                    .halfLife(Component.DISPUTES, Duration.ZERO)
                    .build())
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).violations())
                    .extracting(ValidationException.Violation::field)
                    .containsExactlyInAnyOrder(
                        "priors.NO_SHOW.mean",
                        "priors.RATING.mean",
                        "priors.RATING.strength",
                        "halfLives.DISPUTES"));
  }

  @Test
  void rejectsTiersWhoseThresholdsDecrease() {
    assertThatThrownBy(
            () ->
                ReliabilityModel.builder()
                    .tier(Tier.TOP, new ReliabilityModel.TierRule(70, 25, Map.of()))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("tiers.TOP.minScore");
    assertThatThrownBy(
            () ->
                ReliabilityModel.builder()
                    .tier(
                        Tier.TRUSTED,
                        new ReliabilityModel.TierRule(75, 10, Map.of(Component.RATING, 1.2)))
                    .build())
        .hasMessageContaining("tiers.TRUSTED.minComponents.RATING");
  }

  @Test
  void rejectsBadThresholdsAndCadence() {
    assertThatThrownBy(
            () ->
                ReliabilityModel.builder()
                    .lateToleranceMinutes(-1)
                    .responseTargetMinutes(0)
                    .noticedCancellationWeight(0)
                    .suspensionStrikes(Double.NaN)
                    .wilsonZ(-1)
                    .assessments(Duration.ofDays(-1), Instant.EPOCH)
                    .build())
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).violations())
                    .extracting(ValidationException.Violation::field)
                    .containsExactlyInAnyOrder(
                        "lateToleranceMinutes",
                        "responseTargetMinutes",
                        "noticedCancellationWeight",
                        "suspensionStrikes",
                        "wilsonZ",
                        "assessmentPeriod"));
  }

  @Test
  void newIsNotAConfigurableTier() {
    assertThatThrownBy(
            () ->
                ReliabilityModel.builder()
                    .tier(Tier.NEW, new ReliabilityModel.TierRule(0, 0, Map.of())))
        .hasMessageContaining("tiers.NEW");
  }
}
