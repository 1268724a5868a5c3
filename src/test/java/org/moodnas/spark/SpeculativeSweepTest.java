package org.moodnas.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.RunStatus;
import org.moodnas.core.SearchMetrics;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.SweepSpec;
import org.moodnas.core.TrialResult;
import org.moodnas.core.TrialStatus;
import org.moodnas.core.Weight;
import org.moodnas.pareto.ParetoFront;
import org.moodnas.pareto.Point;
import org.moodnas.pareto.Proposal;
import org.moodnas.pareto.SweepRounds;
import org.moodnas.pareto.ToyProblem;
import org.moodnas.pareto.WeightEstimator;
import org.moodnas.spark.executor.TrialTask;
import org.moodnas.store.Runs;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Tables;
import org.moodnas.store.Warehouse;
import org.moodnas.testing.SimulatedSweeps;

/**
 * Speculative sweeps through local Spark: what they record, a task cancelled alone, and the resume
 * of a sweep killed with speculative trials recorded, cancelled and in flight.
 */
@Tag("slow")
class SpeculativeSweepTest {

  private static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SparkSessions.getOrCreate("local[2]");
  }

  private static List<Row> trials(Warehouse wh, String runId) {
    return wh.read(Tables.SEARCH_TRIALS)
        .where("run_id = '" + runId + "'")
        .orderBy("trial_index")
        .collectAsList();
  }

  @Test
  void speculativeTrialsSayWhichGapTheyBisectedAndTheFrontEndsWithinDelta(@TempDir Path dir)
      throws Exception {
    Warehouse wh = new Warehouse(spark, dir.toUri().toString());
    StringWriter log = new StringWriter();
    List<Point> front =
        new SearchSweep(spark, wh, "spec", SimulatedSweeps.sweep(4, 0, 0.5), new PrintWriter(log))
            .start();
    List<Row> rows = trials(wh, "spec");
    assertThat(rows.subList(0, 2)).allMatch(r -> !r.<Boolean>getAs("speculative"));
    assertThat(rows.subList(0, 2)).allMatch(r -> r.getAs("gap_from_nu") == null);
    List<Row> speculative = rows.stream().filter(r -> r.<Boolean>getAs("speculative")).toList();
    assertThat(speculative).isNotEmpty();
    for (Row r : rows.subList(2, rows.size())) {
      double nu = r.getAs("reg_weight");
      assertThat(nu).isBetween(r.<Double>getAs("gap_to_nu"), r.<Double>getAs("gap_from_nu"));
      assertThat(r.<String>getAs("status")).isIn("ok", "cancelled");
      if (r.<String>getAs("status").equals("cancelled")) {
        assertThat(r.<Boolean>getAs("speculative")).isTrue();
        assertThat(r.<String>getAs("error")).startsWith("cancelled: the front no longer needs it");
      }
    }
    assertThat(log.toString()).contains("started (speculative, gap ν ");
    ParetoFront f = new ParetoFront();
    front.forEach(f::add);
    assertThat(SweepRounds.largestGap(f)).isLessThanOrEqualTo(SweepSpec.DEFAULT_DELTA);
    assertThat(wh.read(Tables.RUNS).where("run_id = 'spec'").first().<String>getAs("status"))
        .isEqualTo("done");

    new SearchSweep(
            spark,
            wh,
            "plain",
            SimulatedSweeps.sweep(4, 0, 0.5).withSpeculation(false),
            new PrintWriter(new StringWriter()))
        .start();
    assertThat(trials(wh, "plain")).noneMatch(r -> r.<Boolean>getAs("speculative"));
  }

  @Test
  void aTaskTheJobNoLongerNeedsIsCancelledAloneAndRecordedSo(@TempDir Path dir) throws Exception {
    Warehouse wh = new Warehouse(spark, dir.toUri().toString());
    SweepSpec spec = SimulatedSweeps.sweep(2, 0, 1);
    new Runs(wh).start("cancel", spec);
    // a short trial, and a long one that is unneeded once the short one is done
    TrialTask quick = new TrialTask(0, SearchSpec.DEFAULTS, new Weight(0.2, 0.8), 1.0);
    TrialTask slow = new TrialTask(1, SearchSpec.DEFAULTS, new Weight(0.1, 0.9), 600.0);
    List<TrialTask> queue = new ArrayList<>(List.of(quick, slow));
    List<TrialResult> outcomes = new ArrayList<>();
    FanOutPlan<TrialTask, TrialResult> plan =
        new FanOutPlan<>() {
          @Override
          public String noun() {
            return "trial";
          }

          @Override
          public Optional<TrialTask> next() {
            return queue.isEmpty() ? Optional.empty() : Optional.of(queue.remove(0));
          }

          @Override
          public List<TrialTask> unneeded() {
            return outcomes.isEmpty() ? List.of() : List.of(slow);
          }

          @Override
          public TrialResult cancelled(TrialTask task, double seconds) {
            return TrialResult.cancelled(task.spec(), task.weight(), "unneeded", seconds);
          }

          @Override
          public TrialResult failed(TrialTask task, String why, int attempts, double seconds) {
            return TrialResult.failed(task.spec(), task.weight(), why, null, List.of(), seconds);
          }

          @Override
          public void completed(
              TrialTask task, TrialResult r, int attempt, Instant started, Instant finished) {
            outcomes.add(r);
          }

          @Override
          public RunStatus endStatus() {
            return RunStatus.DONE;
          }
        };
    RunStatus status =
        new TaskFanOut(
                spark, new Runs(wh), "cancel", new FanOutSpec(2, 0), new PrintWriter(System.err))
            .run(plan);
    assertThat(status).isEqualTo(RunStatus.DONE);
    assertThat(outcomes)
        .extracting(TrialResult::status)
        .containsExactly(TrialStatus.OK, TrialStatus.CANCELLED);
    // the 600 s trial ended when cancelled, not at its end
    assertThat(outcomes.get(1).durationS()).isLessThan(600);
    assertThat(outcomes.get(1).weight()).isEqualTo(slow.weight());
  }

  @Test
  void aKilledSpeculativeSweepResumesKeepingWhatItRecorded(@TempDir Path dir) throws Exception {
    Warehouse wh = new Warehouse(spark, dir.toUri().toString());
    SweepSpec spec = SimulatedSweeps.sweep(4, 0, 0.2);
    new Runs(wh).start("killed", spec);
    // what a driver with four slots proposed before it died: the initial weights, then the gap
    // between them and three speculative weights
    WeightEstimator e = new WeightEstimator(spec.initialWeights(), spec.delta(), true);
    List<Proposal> p = new ArrayList<>(List.of(e.propose().get(), e.propose().get()));
    p.forEach(q -> e.record(ToyProblem.solve(q.weight())));
    for (int i = 0; i < 4; i++) {
      p.add(e.propose().get());
    }
    assertThat(p.subList(3, 6)).allMatch(Proposal::speculative);
    // recorded: 0, 1, 2 and 5 done, 3 cancelled (its row may be the last commit the driver made);
    // 4 was in flight
    List<Integer> recorded = List.of(0, 1, 2, 3, 5);
    SearchRecords records = new SearchRecords(wh);
    Instant now = Instant.now();
    for (int i : recorded) {
      Weight w = p.get(i).weight();
      TrialResult r =
          i == 3
              ? TrialResult.cancelled(SearchSpec.DEFAULTS, w, "cancelled: unneeded", 0.1)
              : simulated(w);
      records.recordTrial("killed", i, r, TrialLines.aim(p.get(i)), 1, now, now);
    }

    StringWriter log = new StringWriter();
    List<Point> front = new SearchSweep(spark, wh, "killed", spec, new PrintWriter(log)).resume();
    assertThat(log.toString()).contains("after 5 recorded trials (1 cut short");
    List<Row> rows = trials(wh, "killed");
    assertThat(rows)
        .extracting(r -> r.<Integer>getAs("trial_index"))
        .as("every index once, no gap")
        .containsExactlyElementsOf(IntStream.range(0, rows.size()).boxed().toList());
    for (int i : recorded) {
      assertThat(rows.get(i).<Double>getAs("reg_weight")).isEqualTo(p.get(i).weight().nu());
      assertThat(rows.get(i).<Boolean>getAs("speculative")).isEqualTo(p.get(i).speculative());
    }
    assertThat(rows.get(3).<String>getAs("status")).isEqualTo("cancelled");
    assertThat(rows.get(4).<String>getAs("status")).as("ran again").isIn("ok", "cancelled");
    double cancelledNu = p.get(3).weight().nu();
    assertThat(rows)
        .as("a cancelled weight is not proposed again")
        .filteredOn(r -> r.<Double>getAs("reg_weight") == cancelledNu)
        .hasSize(1);
    ParetoFront f = new ParetoFront();
    front.forEach(f::add);
    assertThat(SweepRounds.largestGap(f)).isLessThanOrEqualTo(SweepSpec.DEFAULT_DELTA);
    assertThat(wh.read(Tables.RUNS).where("run_id = 'killed'").first().<String>getAs("status"))
        .isEqualTo("done");
  }

  /** A simulated trial's result at {@code w}: the toy problem's optimum. */
  private static TrialResult simulated(Weight w) {
    Point solved = ToyProblem.solve(w);
    return TrialResult.ok(
        SearchSpec.DEFAULTS,
        w,
        SearchMetrics.objectives(
            SearchSpec.DEFAULTS.objective(), solved.regLoss(), solved.criterionLoss()),
        null,
        "cpu",
        List.of(),
        0.2);
  }
}
