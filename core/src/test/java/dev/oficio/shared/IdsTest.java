package dev.oficio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void typedIdsRejectBlankAndWhitespace() {
    assertThatThrownBy(() -> JobId.of(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("jobId");
    assertThatThrownBy(() -> ProId.of("p 17")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> CustomerId.of(null)).isInstanceOf(ValidationException.class);
    assertThat(ProId.of("p-17")).isEqualTo(ProId.of("p-17")).hasToString("p-17");
  }

  @Test
  void sequentialIdsAreDeterministicPerPrefix() {
    IdGenerator ids = IdGenerator.sequential();
    assertThat(ids.next("job")).isEqualTo("job-000001");
    assertThat(ids.next("job", JobId::of)).isEqualTo(JobId.of("job-000002"));
    assertThat(ids.next("pay")).isEqualTo("pay-000001");
  }

  @Test
  void uuidIdsAreUnique() {
    IdGenerator ids = IdGenerator.uuid();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(ids.next("job"))).isTrue();
    }
    assertThat(seen).allMatch(id -> id.startsWith("job-"));
  }

  @Test
  void rejectsBadPrefixes() {
    assertThatThrownBy(() -> IdGenerator.sequential().next("Job Id"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("prefix");
  }
}
