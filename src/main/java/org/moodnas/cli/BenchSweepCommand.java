package org.moodnas.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.SweepSpec;
import org.moodnas.spark.SearchSweep;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mood-nas bench sweep}: a simulated sweep into a scratch warehouse; wall time against the
 * ideal trials × S / P, and the driver's per-trial cost of recording to Delta.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = "orchestration overhead of a simulated sweep")
final class BenchSweepCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--simulate-seconds", description = "seconds each simulated trial takes")
  double seconds = 2;

  @Option(names = "--parallelism", description = "trials in flight at once")
  int parallelism = 2;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master")
  String master = "local[2]";

  @Override
  public void run() {
    try {
      long t0 = System.nanoTime();
      SparkSession spark = SparkSessions.getOrCreate(master);
      double sessionS = (System.nanoTime() - t0) / 1e9;
      Path dir = Files.createTempDirectory("mood-nas-bench-sweep");
      Warehouse wh = new Warehouse(spark, dir.toUri().toString());
      SweepSpec sweepSpec =
          SweepSpec.of(SearchSpec.DEFAULTS, new FanOutSpec(parallelism, 0)).simulated(seconds);
      SearchSweep sweep =
          new SearchSweep(spark, wh, "bench", sweepSpec, new PrintWriter(new StringWriter()));
      long t1 = System.nanoTime();
      sweep.start();
      double sweepS = (System.nanoTime() - t1) / 1e9;
      int n = sweep.trialsRun();
      double ideal = n * seconds / parallelism;
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("trials", n);
      r.put("parallelism", parallelism);
      r.put("simulate_seconds", seconds);
      r.put("session_start_s", sessionS);
      r.put("sweep_wall_s", sweepS);
      r.put("ideal_s", ideal);
      r.put("overhead_per_trial_s", (sweepS - ideal) / n);
      r.put("delta_record_per_trial_s", sweep.recordingSeconds() / n);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "sweep: %d trials, wall %.1f s (ideal %d × %.1f s / %d = %.1f s) + session start %.1f s;"
              + " %.2f s overhead per trial, of which %.2f s recording to Delta%n",
          n,
          sweepS,
          n,
          seconds,
          parallelism,
          ideal,
          sessionS,
          (sweepS - ideal) / n,
          sweep.recordingSeconds() / n);
      out.println(Json.write(r));
      out.flush();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException("bench sweep: " + e.getMessage(), e);
    }
  }
}
