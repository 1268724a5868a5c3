package org.moodnas.cli;

import java.io.PrintWriter;
import org.moodnas.bench.BenchResult;
import org.moodnas.core.CheckpointSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mood-nas bench}: numbers to read, not tests. */
@Command(
    name = "bench",
    subcommands = {
      BenchSearchStepCommand.class,
      BenchEvalStepCommand.class,
      BenchSweepCommand.class,
      BenchEnsembleCommand.class
    },
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks: training steps, a sweep's orchestration overhead, ensembling.",
      "The training steps on random images (ms/step, images/s, memory), the orchestration"
          + " overhead of a sweep, and ensembles as DataFrame transforms against the driver-side"
          + " path."
    })
final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a bench command is required (search-step, eval-step, sweep, ensemble)");
  }

  /** One line to read, then the numbers as JSON. */
  static void print(PrintWriter out, BenchResult r) {
    out.printf(
        "%s: %d thread(s), %s, batch %d, %.1f ms/step, %.1f images/s, RSS %.0f MB after warm-up, %.0f MB at the end,"
            + " peak %.0f MB%n",
        r.bench(),
        r.threads(),
        r.allocator(),
        r.batchSize(),
        r.msPerStep(),
        r.imagesPerSec(),
        r.rssAfterWarmupMb(),
        r.rssEndMb(),
        r.peakRssMb());
    if (r.state() != null) {
      BenchResult.StateCost c = r.state();
      out.printf(
          "training state: %.1f MB, training stalls %.1f ms (copy to host), then %.1f ms to write"
              + " on its own thread; throughput lost: %.4f %% at one state every %.0f minutes,"
              + " %.2f %% at one after every step%n",
          c.stateMb(),
          c.stallMs(),
          c.writeMs(),
          100 * c.lossAtInterval(CheckpointSpec.DEFAULT_MINUTES),
          CheckpointSpec.DEFAULT_MINUTES,
          100 * c.stallMs() / (r.msPerStep() + c.stallMs()));
    }
    out.println(Json.write(r));
    out.flush();
  }
}
