package org.moodnas.cli;

import java.io.PrintWriter;
import org.moodnas.bench.BenchResult;
import org.moodnas.bench.StepBenchmark;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.train.DeviceSpec;
import org.moodnas.train.EvalConfig;
import org.moodnas.train.SearchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas bench search-step|eval-step}: images/s, ms/step and memory of one step. */
@Command(
    name = "bench",
    subcommands = SweepBench.class,
    mixinStandardHelpOptions = true,
    description = "Benchmarks of the training steps on random images (not tests: numbers to read).")
final class BenchCommand {

  @Spec CommandSpec spec;

  @Option(names = "--steps", defaultValue = "10", scope = picocli.CommandLine.ScopeType.INHERIT)
  int steps;

  @Option(names = "--warmup", defaultValue = "3", scope = picocli.CommandLine.ScopeType.INHERIT)
  int warmup;

  @Option(
      names = "--device",
      defaultValue = "cpu",
      converter = DeviceConverter.class,
      scope = picocli.CommandLine.ScopeType.INHERIT)
  DeviceSpec device;

  @Option(
      names = {"--input-channels"},
      defaultValue = "3",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  int inputChannels;

  @Option(
      names = "--image-size",
      defaultValue = "32",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  int imageSize;

  @Option(names = "--classes", defaultValue = "10", scope = picocli.CommandLine.ScopeType.INHERIT)
  int classes;

  @Command(name = "search-step", description = "architecture step + weight step of the supernet")
  void searchStep(
      @Option(
              names = {"--init-channels", "--init_channels"},
              defaultValue = "16")
          int c,
      @Option(names = "--layers", defaultValue = "8") int layers,
      @Option(
              names = {"--batch-size", "--batch_size"},
              defaultValue = "64")
          int batch) {
    SearchConfig config =
        SearchConfig.defaults().toBuilder()
            .initChannels(c)
            .layers(layers)
            .batchSize(batch)
            .device(device)
            .build();
    print(new StepBenchmark(warmup, steps).searchStep(config, inputChannels, imageSize, classes));
  }

  @Command(name = "eval-step", description = "one training step of an evaluation network")
  void evalStep(
      @Option(names = "--arch", defaultValue = "PC_DARTS_cifar") String arch,
      @Option(
              names = {"--init-channels", "--init_channels"},
              defaultValue = "36")
          int c,
      @Option(names = "--layers", defaultValue = "20") int layers,
      @Option(
              names = {"--batch-size", "--batch_size"},
              defaultValue = "96")
          int batch,
      @Option(names = "--auxiliary") boolean auxiliary) {
    EvalConfig config =
        EvalConfig.defaults().toBuilder()
            .initChannels(c)
            .layers(layers)
            .batchSize(batch)
            .auxiliary(auxiliary)
            .device(device)
            .build();
    NetworkSpec net =
        NetworkSpec.cifar(GenotypeRegistry.bundled().get(arch), c, layers, classes, auxiliary)
            .withInput(inputChannels, imageSize);
    print(new StepBenchmark(warmup, steps).evalStep(config, net));
  }

  private void print(BenchResult r) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%s: batch %d, %.1f ms/step, %.1f images/s, RSS %.0f MB after warm-up, %.0f MB at the end,"
            + " peak %.0f MB%n",
        r.bench(),
        r.batchSize(),
        r.msPerStep(),
        r.imagesPerSec(),
        r.rssAfterWarmupMb(),
        r.rssEndMb(),
        r.peakRssMb());
    out.println(Json.write(r));
    out.flush();
  }
}
