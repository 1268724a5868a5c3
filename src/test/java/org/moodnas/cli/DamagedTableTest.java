package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorded table whose data file was deleted: the error names the table and the missing file and
 * says what helps here, not Spark's REFRESH TABLE, which read-only SQL refuses.
 */
class DamagedTableTest {

  @Test
  void aTableMissingADataFileIsNamedWithoutSparksRefreshHint(@TempDir Path dir) throws Exception {
    String wh = dir.toString();
    CliRun sweep =
        CliRun.of("search", "--simulate", "--warehouse", wh, "--run-id", "r", "--max-trials", "2");
    assertThat(sweep.code()).as(sweep.err()).isZero();
    Path parquet;
    try (Stream<Path> files = Files.list(dir.resolve("search_trials"))) {
      List<Path> data = files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
      parquet = data.get(0);
    }
    Files.delete(parquet);

    for (String[] args :
        new String[][] {
          {"sql", "SELECT trial_index, reg_weight, status FROM search_trials", "--warehouse", wh},
          {"analyse", "--search-run", "r", "--warehouse", wh, "--out", dir.resolve("out") + ""}
        }) {
      CliRun r = CliRun.of(args);
      List<String> lines = r.err().lines().filter(l -> l.startsWith("mood-nas:")).toList();
      assertThat(r.code()).as(r.err()).isEqualTo(1);
      assertThat(lines)
          .as(r.err())
          .singleElement()
          .asString()
          .doesNotContain("REFRESH TABLE")
          .contains("search_trials")
          .contains(parquet.getFileName().toString())
          .contains("damaged");
    }
  }
}
