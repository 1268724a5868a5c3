package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.moodnas.memory.FitQuality;
import org.moodnas.memory.MemoryModel;
import org.moodnas.memory.MemorySample;
import org.moodnas.memory.MemorySamplesCsv;
import org.moodnas.store.MemorySamples;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas memory-model fit}: fits the memory model and reports how well it fits. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description =
        "Fit the memory model on a CSV (model size, batch size, GPU mb) or on memory_samples;"
            + " prints MAE, max error and MAPE; --out saves an MLlib PipelineModel.")
final class MemoryFitCommand implements Callable<Integer> {

  static final class Samples {
    @Option(names = "--data", paramLabel = "CSV", description = "samples as batch_data.csv")
    String data;

    @Option(names = "--from-table", description = "the warehouse's memory_samples")
    boolean fromTable;
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Samples samples;

  @Mixin SparkOptions sparkOptions;

  @Option(names = "--alpha", description = "ridge alpha (scikit-learn's)")
  double alpha = MemoryModel.PUBLISHED_ALPHA;

  @Option(names = "--out", paramLabel = "DIR", description = "save the PipelineModel here")
  String out;

  @Override
  public Integer call() {
    SparkSession spark = sparkOptions.session();
    List<MemorySample> data;
    String from;
    if (samples.fromTable) {
      MemorySamples table = new MemorySamples(sparkOptions.warehouse());
      data = table.all();
      from = table.where();
      if (data.isEmpty()) {
        throw new IllegalArgumentException(
            from + " has no samples (GPU trainings record them; 'memory-model import' adds a CSV)");
      }
    } else {
      data = MemorySamplesCsv.read(samples.data, spark.sparkContext().hadoopConfiguration());
      from = samples.data;
    }
    MemoryModel model = MemoryModel.fit(spark, data, alpha);
    FitQuality q = model.quality(data);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "fitted on %d samples from %s: MAE %.1f MB, max error %.1f MB, MAPE %.2f%%%n",
        q.samples(), from, q.maeMb(), q.maxErrorMb(), q.mapePercent());
    if (out != null) {
      model.save(out);
      o.printf("saved the PipelineModel to %s (use it with --model %s)%n", out, out);
    }
    o.flush();
    return 0;
  }
}
