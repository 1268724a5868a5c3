package org.moodnas.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.moodnas.bench.Overlap;
import org.moodnas.bench.sweep.SweepBenchmark;
import org.moodnas.core.SweepSpec;
import org.moodnas.pareto.SweepRounds;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mood-nas bench sweep}: a simulated sweep into a scratch warehouse, its wall time against
 * the ideal trials × S / P and the driver's per-trial cost of recording to Delta; with {@code
 * --real}, the same small real Fashion-MNIST sweep run one trial at a time and then P at a time.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Orchestration overhead of a simulated sweep; with --real, the speed-up of P real trials at"
          + " once over one at a time.",
      "The real trials search Fashion-MNIST with 8 channels, 5 layers, 1 epoch, batch 64."
    })
final class BenchSweepCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--simulate-seconds", description = "seconds each simulated trial takes")
  double seconds = 2;

  @Option(names = "--parallelism", description = "trials in flight at once")
  int parallelism = 2;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master")
  String master = "local[2]";

  @Option(
      names = "--real",
      description = "real trials: --parallelism 1, then --parallelism P, in the same session")
  boolean real;

  @Option(names = "--trials", description = "--real: trials per sweep")
  int trials = 4;

  @Option(names = "--subsample", description = "--real: share of Fashion-MNIST each trial reads")
  double subsample = 0.01;

  @Option(
      names = "--rounds",
      description =
          "the default sweep at each --deltas and --parallelisms, without and with speculation:"
              + " its span in trial lengths, trials started, recorded and cancelled, mean busy"
              + " slots, the final front's largest gap; in simulated time (the estimator alone)"
              + " unless --spark")
  boolean rounds;

  @Option(
      names = "--spark",
      description =
          "with --rounds: through Spark, every trial simulated for --simulate-seconds (give"
              + " --master local[P] for the largest P)")
  boolean throughSpark;

  @Option(
      names = "--parallelisms",
      split = ",",
      paramLabel = "P",
      description = "with --rounds (default: 1,2,4,8)")
  List<Integer> parallelisms = List.of(1, 2, 4, 8);

  @Option(
      names = "--deltas",
      split = ",",
      paramLabel = "δ",
      description = "with --rounds (default: 0.15,0.05)")
  List<Double> deltas = List.of(0.15, 0.05);

  @Override
  public void run() {
    if (rounds && !throughSpark) {
      List<SweepBenchmark.Rounds> out = new ArrayList<>();
      for (double d : deltas) {
        for (int p : parallelisms) {
          for (boolean sp : List.of(false, true)) {
            SweepRounds sweep = new SweepRounds(SweepSpec.DEFAULT_INITIAL_WEIGHTS, d, p, sp);
            out.add(new SweepBenchmark.Rounds(d, p, sp, sweep.run()));
          }
        }
      }
      printRounds(out);
      return;
    }
    if (trials < 1) {
      throw new ParameterException(spec.commandLine(), "--trials " + trials + ": must be ≥ 1");
    }
    try {
      long t0 = System.nanoTime();
      SparkSession spark = SparkSessions.getOrCreate(master);
      double sessionS = (System.nanoTime() - t0) / 1e9;
      Warehouse wh =
          new Warehouse(
              spark, Files.createTempDirectory("mood-nas-bench-sweep").toUri().toString());
      SweepBenchmark bench = new SweepBenchmark(spark, wh);
      if (rounds) {
        List<SweepBenchmark.Rounds> out = new ArrayList<>();
        for (double d : deltas) {
          for (int p : parallelisms) {
            for (boolean sp : List.of(false, true)) {
              PrintWriter err = spec.commandLine().getErr();
              err.printf(
                  "bench sweep --rounds: δ %s, P %d, speculate %s …%n", d, p, sp ? "on" : "off");
              err.flush();
              out.add(bench.rounds(d, p, sp, seconds));
            }
          }
        }
        printRounds(out);
      } else if (real) {
        print(bench.real(trials, subsample, List.of(1, parallelism), spec.commandLine().getErr()));
      } else {
        print(bench.simulated(parallelism, seconds), sessionS);
      }
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException("bench sweep: " + e.getMessage(), e);
    }
  }

  private void printRounds(List<SweepBenchmark.Rounds> all) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%6s %3s %9s %7s %8s %9s %10s %11s %12s%n",
        "δ",
        "P",
        "speculate",
        "rounds",
        "started",
        "recorded",
        "cancelled",
        "busy slots",
        "largest gap");
    for (SweepBenchmark.Rounds r : all) {
      SweepRounds.Result x = r.result();
      out.printf(
          "%6.2f %3d %9s %7.2f %8d %9d %10d %11.2f %12.3f%n",
          r.delta(),
          r.parallelism(),
          r.speculate() ? "on" : "off",
          x.rounds(),
          x.started(),
          x.recorded(),
          x.cancelled(),
          x.meanBusy(),
          x.largestGap());
    }
    out.flush();
  }

  private void print(SweepBenchmark.Simulated s, double sessionS) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("trials", s.trials());
    r.put("parallelism", s.parallelism());
    r.put("simulate_seconds", s.trialSeconds());
    r.put("session_start_s", sessionS);
    r.put("sweep_wall_s", s.wallSeconds());
    r.put("ideal_s", s.idealSeconds());
    r.put("overhead_per_trial_s", s.overheadPerTrial());
    r.put("delta_record_per_trial_s", s.recordPerTrial());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "sweep: %d trials, wall %.1f s (ideal %d × %.1f s / %d = %.1f s) + session start %.1f s;"
            + " %.2f s overhead per trial, of which %.2f s recording to Delta%n",
        s.trials(),
        s.wallSeconds(),
        s.trials(),
        s.trialSeconds(),
        s.parallelism(),
        s.idealSeconds(),
        sessionS,
        s.overheadPerTrial(),
        s.recordPerTrial());
    out.println(Json.write(r));
    out.flush();
  }

  private void print(List<SweepBenchmark.Real> sweeps) {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("trials", trials);
    r.put("master", master);
    for (SweepBenchmark.Real s : sweeps) {
      Overlap o = s.overlap();
      out.printf(
          "parallelism %d: wall %.1f s; trials ran %.1f s, of which %.1f s with two or more at once"
              + " (at most %d)%n",
          s.parallelism(), s.wallSeconds(), o.busySeconds(), o.overlapSeconds(), o.most());
      r.put("parallelism_" + s.parallelism(), Map.of("wall_s", s.wallSeconds(), "overlap", o));
    }
    double speedUp = sweeps.get(0).wallSeconds() / sweeps.get(1).wallSeconds();
    r.put("speed_up", speedUp);
    out.printf("speed-up of parallelism %d: %.2fx%n", parallelism, speedUp);
    out.println(Json.write(r));
    out.flush();
  }
}
