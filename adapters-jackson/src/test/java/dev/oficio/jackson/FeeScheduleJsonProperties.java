package dev.oficio.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.oficio.fees.FeeSchedule;
import dev.oficio.fees.RandomSchedules;
import org.junit.jupiter.api.Test;

class FeeScheduleJsonProperties {

  @Test
  void everyValidScheduleRoundTripsThroughJson() {
    qt().forAll(longs().all())
        .checkAssert(
            seed -> {
              FeeSchedule schedule = RandomSchedules.randomSchedule(seed);
              String json = FeeScheduleJson.write(schedule);
              assertThat(FeeScheduleJson.read(json)).isEqualTo(schedule);
              assertThat(FeeScheduleJson.write(FeeScheduleJson.read(json))).isEqualTo(json);
            });
  }
}
