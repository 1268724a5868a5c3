package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.spark.SparkSessions;

/** {@code profile --record}: the printed numbers, recorded once per measurement. */
class ProfileCommandTest {

  @TempDir Path dir;

  private CliRun profile(String wh, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "profile",
                "--arch",
                "PC_DARTS_cifar",
                "--init-channels",
                "8",
                "--layers",
                "5",
                "--format",
                "json",
                "--record",
                "--warehouse",
                wh,
                "--master",
                "local[2]"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<Row> rows(String wh) {
    return SparkSessions.getOrCreate("local[2]")
        .read()
        .format("delta")
        .load(wh + "/profiles")
        .orderBy("latency_ms")
        .collectAsList();
  }

  @Test
  void recordingTheSameProfileTwiceLeavesOneRowWithThePrintedNumbers() throws Exception {
    String wh = dir.resolve("wh").toString();
    CliRun first = profile(wh, "--latency", "--runs", "2", "--warmup", "1");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).contains("mean of 2 runs after 1 warm-ups").contains("recorded in");
    CliRun again = profile(wh, "--latency", "--runs", "2", "--warmup", "1");
    assertThat(again.code()).as(again.err()).isZero();
    List<Row> rows = rows(wh);
    assertThat(rows).hasSize(1);
    JsonNode printed = new ObjectMapper().readTree(first.out());
    Row row = rows.get(0);
    assertThat(row.<String>getAs("name")).isEqualTo("PC_DARTS_cifar");
    assertThat(row.<Long>getAs("params")).isEqualTo(printed.get("params").asLong());
    assertThat(row.<Long>getAs("params_with_aux"))
        .isEqualTo(printed.get("params_with_aux").asLong());
    assertThat(row.<Double>getAs("param_size_mb"))
        .isEqualTo(printed.get("param_size_mb").asDouble());
    assertThat(row.<Long>getAs("flops")).isEqualTo(printed.get("flops").asLong());
    assertThat(row.<Double>getAs("latency_ms")).isEqualTo(printed.get("latency_cpu_ms").asDouble());
    assertThat(row.<String>getAs("latency_device")).isEqualTo("cpu");
    assertThat(row.<Integer>getAs("batch_size")).isEqualTo(1);
    assertThat(row.<Integer>getAs("warmup")).isEqualTo(1);
    assertThat(row.<Integer>getAs("runs")).isEqualTo(2);
    assertThat(row.<String>getAs("device")).isEqualTo(printed.get("device").asText());
    assertThat(row.<String>getAs("source")).isEqualTo("profile");
    assertThat(row.<Integer>getAs("init_channels")).isEqualTo(8);
    assertThat(row.<String>getAs("network")).isEqualTo("cifar");

    CliRun counted = profile(wh);
    assertThat(counted.code()).as(counted.err()).isZero();
    List<Row> both = rows(wh);
    assertThat(both).hasSize(2);
    Row countsOnly = both.stream().filter(r -> r.getAs("latency_ms") == null).findFirst().get();
    for (String column : List.of("latency_device", "batch_size", "warmup", "runs", "device")) {
      assertThat((Object) countsOnly.getAs(column)).as(column).isNull();
    }
  }

  @Test
  void badTimingSettingsExitTwoInOneLineBeforeAnythingIsRecorded() {
    String wh = dir.resolve("bad").toString();
    for (String[] bad :
        new String[][] {{"--runs", "0"}, {"--warmup", "-1"}, {"--batch-size", "0"}}) {
      CliRun r = profile(wh, bad);
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err()).startsWith("mood-nas: " + bad[0] + " must be ≥ ");
      assertThat(r.out()).isEmpty();
    }
    assertThat(dir.resolve("bad")).doesNotExist();
  }
}
