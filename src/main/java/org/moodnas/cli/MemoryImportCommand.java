package org.moodnas.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.moodnas.memory.MemorySample;
import org.moodnas.memory.MemorySamplesCsv;
import org.moodnas.store.MemorySamples;
import org.moodnas.store.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas memory-model import}: adds a CSV's samples to memory_samples, once. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Append a CSV's samples to the warehouse's memory_samples (once per content).")
final class MemoryImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "CSV", required = true)
  String data;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    SparkSession spark = sparkOptions.session();
    List<MemorySample> samples =
        MemorySamplesCsv.read(data, spark.sparkContext().hadoopConfiguration());
    Warehouse wh = sparkOptions.warehouse();
    wh.checkWritable();
    MemorySamples table = new MemorySamples(wh);
    // Keyed by content: importing the same samples twice adds nothing.
    String key =
        "csv/" + UUID.nameUUIDFromBytes(samples.toString().getBytes(StandardCharsets.UTF_8));
    table.append(samples, MemorySamples.Source.csv, key);
    spec.commandLine()
        .getOut()
        .printf(
            "%s: %d samples; memory_samples now holds %d%n",
            data, samples.size(), table.all().size());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
