package org.moodnas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.moodnas.analysis.ensemble.SyntheticPredictions;
import org.moodnas.bench.ExecutorMemoryWatch;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Predictions;
import org.moodnas.store.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mood-nas bench ensemble}: per-class ensembles of N members over synthetic predictions in a
 * scratch warehouse's predictions table, as DataFrame transforms and, up to {@code --driver-up-to}
 * members, as the driver-side path (every logit collected into arrays); wall time, the driver's
 * heap and the executors' memory of each.
 */
@Command(
    name = "ensemble",
    mixinStandardHelpOptions = true,
    description = {
      "Ensembles of N members' synthetic predictions: DataFrame transforms against the"
          + " driver-side path.",
      "Each member scores 50,000 images × 1,000 classes by default; printed: wall time, the"
          + " driver JVM's heap and the executors' peak heap and RSS.",
      "In local mode the tasks run in the driver's JVM, so its heap holds the executors' work"
          + " too. To measure the driver apart, run the executors as JVMs of their own with"
          + " Spark's local-cluster master through jobs/mood-nas, e.g. MOOD_NAS_JAVA_OPTS=-Xmx2g"
          + " jobs/mood-nas bench ensemble --master 'local-cluster[2,1,3072]': 2 executors of"
          + " 1 core and a 3072 MB heap each (the launcher links target/lib as"
          + " target/spark-home/jars, where Spark's workers take the executors' class path)."
    })
final class BenchEnsembleCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--images", paramLabel = "N", description = "test images per member")
  long images = 50_000;

  @Option(
      names = "--weighing-images",
      paramLabel = "N",
      description = "images of the split that weighs them")
  long weighingImages = 5_000;

  @Option(names = "--classes", paramLabel = "N", description = "classes")
  int classes = 1_000;

  @Option(names = "--members", split = ",", paramLabel = "N", description = "ensemble sizes")
  List<Integer> sizes = List.of(2, 4, 8);

  @Option(
      names = "--driver-up-to",
      paramLabel = "N",
      description =
          "the largest ensemble the driver-side path also computes (it stops at the first size"
              + " the driver's heap cannot hold)")
  int driverUpTo = 4;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master; local-cluster[W,C,MB] runs W executor JVMs (see above)")
  String master = "local[2]";

  @Override
  public void run() {
    if (images < 1 || weighingImages < 1 || classes < 5 || sizes.stream().anyMatch(n -> n < 1)) {
      throw new ParameterException(
          spec.commandLine(),
          "--images and --weighing-images must be ≥ 1, --classes ≥ 5, --members ≥ 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = SparkSessions.getOrCreate(master);
    Path scratch;
    try {
      scratch = Files.createTempDirectory("mood-nas-bench-ensemble");
    } catch (IOException e) {
      throw new UncheckedIOException("bench ensemble: " + e.getMessage(), e);
    }
    try (ExecutorMemoryWatch executors = ExecutorMemoryWatch.on(spark.sparkContext())) {
      out.printf(
          "master %s, driver heap max %.0f MB, executor heap %s%n",
          spark.sparkContext().master(),
          Runtime.getRuntime().maxMemory() / 1e6,
          spark.sparkContext().getConf().get("spark.executor.memory", "(Spark's default)"));
      Predictions table = new Predictions(new Warehouse(spark, scratch.toString()));
      write(spark, table);
      measure(new EnsemblePaths(table, executors), out);
    } finally {
      delete(scratch);
      // A local cluster's workers live in this JVM: stopped at exit, they would relaunch the
      // executors the shutdown kills (a screen of errors); stopped here, the executors go first.
      if (spark.sparkContext().master().startsWith("local-cluster")) {
        spark.stop();
      }
    }
  }

  private void write(SparkSession spark, Predictions table) {
    PrintWriter err = spec.commandLine().getErr();
    int most = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    long t = System.nanoTime();
    for (int i = 0; i < most; i++) {
      err.printf("bench ensemble: writing member %d of %d …%n", i + 1, most);
      err.flush();
      var s = Predictions.Split.TEST;
      table.replace(
          "bench", name(i), "synthetic", s, SyntheticPredictions.scored(spark, images, classes, i));
      s = Predictions.Split.WEIGHTS;
      table.replace(
          "bench",
          name(i),
          "synthetic",
          s,
          SyntheticPredictions.scored(spark, weighingImages, classes, 1000 + i));
    }
    spec.commandLine()
        .getOut()
        .printf(
            "predictions of %d members (%d + %d images × %d classes) written in %.1f s%n",
            most, images, weighingImages, classes, (System.nanoTime() - t) / 1e9);
  }

  private void measure(EnsemblePaths paths, PrintWriter out) {
    List<Map<String, Object>> rows = new ArrayList<>();
    Integer driverFailedAt = null;
    for (int n : sizes) {
      List<String> names = IntStream.range(0, n).mapToObj(BenchEnsembleCommand::name).toList();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("members", n);
      r.put("frames", paths.frames(names));
      if (n <= driverUpTo && driverFailedAt == null) {
        Map<String, Object> d = paths.driver(names);
        r.put("driver", d);
        if (d.containsKey("out_of_memory")) {
          driverFailedAt = n;
        }
      }
      out.printf("%s%n", EnsembleBenchLine.of(r));
      out.flush();
      rows.add(r);
    }
    out.println(Json.write(Map.of("images", images, "classes", classes, "runs", rows)));
    out.flush();
  }

  private static String name(int i) {
    return String.format("m%02d", i);
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bench ensemble: cannot remove " + dir, e);
    }
  }
}
