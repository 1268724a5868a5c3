package org.moodnas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.RunStatus;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.SweepSpec;
import org.moodnas.spark.SparkSessions;

/** One driver per run: live leases refuse, dead or silent ones are lost and taken over. */
class LeasesTest {

  private static final SweepSpec SWEEP =
      new SweepSpec(
          SearchSpec.DEFAULTS,
          SweepSpec.DEFAULT_INITIAL_WEIGHTS,
          SweepSpec.DEFAULT_DELTA,
          new FanOutSpec(1, null),
          0,
          true,
          0,
          true);
  private static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SparkSessions.getOrCreate("local[1]");
  }

  private static Warehouse warehouse(Path dir) {
    return new Warehouse(spark, dir.toUri().toString());
  }

  /** The status column of the runs view, per run id. */
  private static Map<String, String> statuses(Warehouse wh) {
    return wh.query("SELECT run_id, status FROM runs").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
  }

  /** A holder that ran on this host in a process that has exited. */
  private static LeaseHolder deadProcess(String runId) throws Exception {
    // alive while its start time is read: a process that has already exited may have none
    Process p = new ProcessBuilder("sleep", "60").start();
    Instant started = p.info().startInstant().orElseThrow();
    p.destroy();
    p.waitFor();
    return new LeaseHolder(runId, LeaseHolder.hostName(), p.pid(), started, Instant.now(), "dead");
  }

  @Test
  void aLiveLeaseRefusesASecondDriverNamingTheFirstUntilReleased(@TempDir Path dir) {
    Warehouse wh = warehouse(dir);
    Leases leases = new Leases(wh);
    Lease first = leases.acquire("r 'one'", line -> {});
    assertThatThrownBy(() -> leases.acquire("r 'one'", line -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run r 'one' is running: its driver on " + LeaseHolder.hostName())
        .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")");
    // another run is not concerned
    leases.acquire("r two", line -> {}).close();
    first.close();
    assertThat(leases.live("r 'one'")).isEmpty();
    leases.acquire("r 'one'", line -> {}).close();
  }

  @Test
  void theRunsViewShowsARunningRunWithoutALiveDriverAsLost(@TempDir Path dir) throws Exception {
    Warehouse wh = warehouse(dir);
    Leases leases = new Leases(wh);
    Runs runs = new Runs(wh);
    try (Lease held = leases.acquire("alive", line -> {})) {
      runs.start("alive", SWEEP);
      runs.start("crashed", SWEEP);
      runs.start("ended", SWEEP);
      runs.finish("ended", RunStatus.DONE);
      leases.acquire(deadProcess("crashed"), line -> {});
      assertThat(statuses(wh))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("alive", "running", "crashed", "lost", "ended", "done"));
    }
    // released without finishing: the driver is gone
    assertThat(statuses(wh)).containsEntry("alive", "lost");
    // the table itself keeps what the drivers wrote
    List<Row> recorded = wh.read(Tables.RUNS).where("run_id = 'crashed'").collectAsList();
    assertThat(recorded.get(0).<String>getAs("status")).isEqualTo("running");
  }

  @Test
  void aDriverGoneFromThisHostIsLostAtOnceAndItsLeaseTakenOver(@TempDir Path dir) throws Exception {
    Leases leases = new Leases(warehouse(dir));
    leases.acquire(deadProcess("r"), line -> {});
    assertThat(leases.latest("r")).map(Leases.State::generation).contains(1L);
    assertThat(leases.live("r")).isEmpty();
    try (Lease taken = leases.acquire("r", line -> {})) {
      assertThat(leases.latest("r")).map(Leases.State::generation).contains(2L);
      assertThat(leases.live("r")).map(s -> s.holder().token()).contains(taken.holder().token());
    }
  }

  @Test
  void aSilentDriverOnAnotherHostIsLostAfterTheTimeoutAndHearsOfTheTakeOver(@TempDir Path dir)
      throws Exception {
    Warehouse wh = warehouse(dir);
    // the far driver beats every 2 s (timeout 12 s); this host calls a lease lost after 3 s
    Leases far = new Leases(wh, Duration.ofSeconds(12), "other-host");
    Leases here = new Leases(wh, Duration.ofSeconds(3), "this-host");
    LeaseHolder elsewhere =
        new LeaseHolder("r", "other-host", 1, Instant.now(), Instant.now(), "elsewhere");
    List<String> heard = new CopyOnWriteArrayList<>();
    try (Lease silent = far.acquire(elsewhere, heard::add)) {
      assertThatThrownBy(() -> here.acquire("r", line -> {}))
          .hasMessageContaining("its driver on other-host (pid 1)");
      // its heartbeat looks 10 s old, as if the driver had stalled
      try (Stream<Path> files = Files.walk(dir.resolve("_leases"))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(10)));
        }
      }
      assertThat(here.live("r")).isEmpty();
      try (Lease taken = here.acquire("r", line -> {})) {
        assertThat(here.live("r")).map(s -> s.holder().token()).contains(taken.holder().token());
        // the stalled driver's next heartbeat finds it taken over, says so and beats no more
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (heard.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(heard).singleElement().asString().contains("taken over");
      }
    }
  }
}
