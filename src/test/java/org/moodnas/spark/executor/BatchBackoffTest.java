package org.moodnas.spark.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodnas.train.DeviceOutOfMemoryException;

class BatchBackoffTest {

  private static DeviceOutOfMemoryException oom(int batch) {
    return new DeviceOutOfMemoryException(
        "gpu(0)", batch, new RuntimeException("CUDA out of memory"));
  }

  @Test
  void eachOutOfMemoryRetriesWithABatchFiveSmaller() {
    List<Integer> tried = new ArrayList<>();
    BatchBackoff.Outcome<String> o =
        BatchBackoff.run(
            96,
            8,
            b -> {
              tried.add(b);
              if (b > 86) {
                throw oom(b);
              }
              return "trained at " + b;
            });
    assertThat(tried).containsExactly(96, 91, 86);
    assertThat(o.value()).isEqualTo("trained at 86");
    assertThat(o.batchSize()).isEqualTo(86);
    assertThat(o.attempts()).isEqualTo(3);
    assertThat(o.error()).isNull();
  }

  @Test
  void stopsAtTheFloorWithTheLastError() {
    List<Integer> tried = new ArrayList<>();
    BatchBackoff.Outcome<String> o =
        BatchBackoff.run(
            20,
            8,
            b -> {
              tried.add(b);
              throw oom(b);
            });
    assertThat(tried).containsExactly(20, 15, 10);
    assertThat(o.value()).isNull();
    assertThat(o.attempts()).isEqualTo(3);
    assertThat(o.error().batchSize()).isEqualTo(10);
  }

  @Test
  void otherFailuresAreNotRetried() {
    List<Integer> tried = new ArrayList<>();
    assertThatThrownBy(
            () ->
                BatchBackoff.run(
                    32,
                    8,
                    b -> {
                      tried.add(b);
                      throw new IllegalStateException("broken data");
                    }))
        .hasMessage("broken data");
    assertThat(tried).containsExactly(32);
  }
}
