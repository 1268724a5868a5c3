package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk is one line naming the file that could not be written: {@code /dev/full} fails every
 * write with ENOSPC ("No space left on device"), as a full file system does, so a warehouse file
 * linked to it is a real full disk for the writes that reach it.
 */
class DiskFullTest {

  @Test
  void aRunWhoseFirstWriteFindsTheDiskFullIsOneLineAndTheRecordedRowsStay(@TempDir Path dir)
      throws Exception {
    assertThat(Path.of("/dev/full")).exists();
    String wh = dir.toString();
    CliRun first =
        CliRun.of("search", "--simulate", "--warehouse", wh, "--run-id", "a", "--max-trials", "2");
    assertThat(first.code()).as(first.err()).isZero();

    // run b's heartbeat file, the first file its driver writes, is on a full disk
    Path beat = dir.resolve("_leases/b/0000000001.beat");
    Files.createDirectories(beat.getParent());
    Files.createSymbolicLink(beat, Path.of("/dev/full"));
    CliRun full = CliRun.of("search", "--simulate", "--warehouse", wh, "--run-id", "b");
    assertThat(full.code()).isEqualTo(1);
    assertThat(full.err().lines().toList())
        .containsExactly("mood-nas: " + beat + ": no space left on device");

    CliRun rows =
        CliRun.of(
            "sql",
            "SELECT run_id, count(*) AS n FROM search_trials GROUP BY run_id",
            "--warehouse",
            wh,
            "--format",
            "csv");
    assertThat(rows.code()).as(rows.err()).isZero();
    assertThat(rows.out().lines()).containsExactly("run_id,n", "a,2");
  }
}
