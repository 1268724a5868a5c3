package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps started at once into a fresh warehouse: their first commits race to create every table,
 * and later ones to append and update the same tables. All finish, every trial recorded once.
 */
@Tag("slow")
class ConcurrentSweepsTest {

  @Test
  void fourSweepsStartedAtOnceIntoAFreshWarehouseAllFinish(@TempDir Path dir) throws Exception {
    String wh = dir.resolve("fresh").toString();
    int sweeps = 4;
    ExecutorService pool = Executors.newFixedThreadPool(sweeps);
    List<Future<CliRun>> runs = new ArrayList<>();
    for (int i = 0; i < sweeps; i++) {
      String id = "at-once-" + i;
      runs.add(
          pool.submit(
              () ->
                  CliRun.of(
                      "search",
                      "--simulate",
                      "--max-trials",
                      "5",
                      "--warehouse",
                      wh,
                      "--run-id",
                      id,
                      "--master",
                      "local[2]")));
    }
    pool.shutdown();
    for (Future<CliRun> f : runs) {
      CliRun r = f.get();
      assertThat(r.code()).as(r.err()).isZero();
    }
    CliRun counts =
        CliRun.of(
            "sql",
            "SELECT run_id, count(*) AS trials, count(DISTINCT trial_index) AS distinct_trials"
                + " FROM search_trials GROUP BY run_id ORDER BY run_id",
            "--warehouse",
            wh,
            "--format",
            "csv");
    assertThat(counts.out().lines())
        .containsExactly(
            "run_id,trials,distinct_trials",
            "at-once-0,5,5",
            "at-once-1,5,5",
            "at-once-2,5,5",
            "at-once-3,5,5");
    CliRun status =
        CliRun.of(
            "sql",
            "SELECT status, count(*) FROM runs GROUP BY status",
            "--warehouse",
            wh,
            "--format",
            "csv");
    // cut by --max-trials before the estimator is done
    assertThat(status.out().lines()).containsExactly("status,count(1)", "stopped,4");
  }

  @Test
  void theSameRunStartedTwiceAtOnceRunsOnceAndTheOtherStartIsRefused(@TempDir Path dir)
      throws Exception {
    String wh = dir.resolve("fresh").toString();
    String[] start = {
      "search",
      "--simulate",
      "--simulate-seconds",
      "1",
      "--max-trials",
      "2",
      "--warehouse",
      wh,
      "--run-id",
      "twice",
      "--resume-existing"
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<CliRun> a = pool.submit(() -> CliRun.of(start));
    Future<CliRun> b = pool.submit(() -> CliRun.of(start));
    pool.shutdown();
    List<CliRun> both = List.of(a.get(), b.get());
    assertThat(both).extracting(CliRun::code).containsExactlyInAnyOrder(0, 2);
    CliRun refused = both.stream().filter(r -> r.code() == 2).findFirst().orElseThrow();
    // one line naming the driver that holds the run (or the one starting it this instant)
    assertThat(refused.err().lines().filter(l -> l.startsWith("mood-nas:")).toList())
        .singleElement()
        .asString()
        .containsAnyOf(
            "mood-nas: run twice is running: its driver on ",
            "mood-nas: run twice is being started by another driver");
    CliRun counts =
        CliRun.of(
            "sql",
            "SELECT count(*), count(DISTINCT trial_index) FROM search_trials",
            "--warehouse",
            wh,
            "--format",
            "csv");
    assertThat(counts.out().lines()).containsExactly("count(1),count(DISTINCT trial_index)", "2,2");
  }
}
