package org.moodnas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.moodnas.analysis.ensemble.EnsembleScores;
import org.moodnas.analysis.ensemble.EnsembleWeighing;
import org.moodnas.analysis.ensemble.EnsembleWeights;
import org.moodnas.analysis.ensemble.Logits;
import org.moodnas.analysis.ensemble.MemberKey;
import org.moodnas.analysis.ensemble.SyntheticPredictions;
import org.moodnas.analysis.ensemble.WeightedEnsemble;
import org.moodnas.bench.HeapWatch;
import org.moodnas.core.EnsembleMode;
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
 * members, as the driver-side path (every logit collected into arrays); wall time and heap of each.
 */
@Command(
    name = "ensemble",
    mixinStandardHelpOptions = true,
    description =
        "Ensembling N members' synthetic predictions (default 50,000 images × 1,000 classes) as"
            + " DataFrame transforms against the driver-side path: wall time and heap.")
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
      description = "the largest ensemble the driver-side path also computes")
  int driverUpTo = 4;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master")
  String master = "local[2]";

  @Override
  public void run() {
    if (images < 1 || weighingImages < 1 || classes < 5 || sizes.stream().anyMatch(n -> n < 1)) {
      throw new ParameterException(
          spec.commandLine(),
          "--images and --weighing-images must be ≥ 1, --classes ≥ 5, --members ≥ 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SparkSession spark = SparkSessions.getOrCreate(master);
    Warehouse wh;
    try {
      wh = new Warehouse(spark, Files.createTempDirectory("mood-nas-bench-ensemble").toString());
    } catch (IOException e) {
      throw new IllegalStateException("bench ensemble: " + e.getMessage(), e);
    }
    Predictions table = new Predictions(wh);
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
    out.printf(
        "predictions of %d members (%d + %d images × %d classes) written in %.1f s to %s%n",
        most, images, weighingImages, classes, (System.nanoTime() - t) / 1e9, wh.root());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int n : sizes) {
      List<String> names = IntStream.range(0, n).mapToObj(BenchEnsembleCommand::name).toList();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("members", n);
      r.put("frames", frames(table, names));
      if (n <= driverUpTo) {
        r.put("driver", driver(table, names));
      }
      out.printf("%s%n", line(r));
      out.flush();
      rows.add(r);
    }
    out.println(Json.write(Map.of("images", images, "classes", classes, "runs", rows)));
    out.flush();
  }

  private static String name(int i) {
    return String.format("m%02d", i);
  }

  /** A per-class ensemble fitted and scored as DataFrame transforms. */
  private Map<String, Object> frames(Predictions table, List<String> names) {
    List<MemberKey> keys = names.stream().map(n -> new MemberKey("bench", n)).toList();
    try (HeapWatch heap = HeapWatch.start()) {
      long t = System.nanoTime();
      WeightedEnsemble e =
          new EnsembleWeighing(keys, EnsembleMode.PER_CLASS)
              .fit(table.of("bench", names, Predictions.Split.WEIGHTS));
      WeightedEnsemble.Figures f = e.figures(table.of("bench", names, Predictions.Split.TEST));
      return figures((System.nanoTime() - t) / 1e9, heap, f.top1(), f.top5(), f.loss());
    }
  }

  /** The same ensemble as the driver-side path computes it: every logit in arrays here. */
  private Map<String, Object> driver(Predictions table, List<String> names) {
    try (HeapWatch heap = HeapWatch.start()) {
      long t = System.nanoTime();
      List<Logits> weighing = new ArrayList<>();
      List<Logits> test = new ArrayList<>();
      for (String n : names) {
        weighing.add(logits(table, n, Predictions.Split.WEIGHTS));
        test.add(logits(table, n, Predictions.Split.TEST));
      }
      double[][] w = EnsembleWeights.compute(weighing, EnsembleMode.PER_CLASS).values();
      EnsembleScores s = EnsembleScores.combine(test, w);
      double loss = test.stream().mapToDouble(EnsembleScores::crossEntropy).average().orElseThrow();
      return figures((System.nanoTime() - t) / 1e9, heap, s.topK(1), s.topK(5), loss);
    }
  }

  /** One member's rows of {@code split}, in sample order, into arrays on the driver. */
  private static Logits logits(Predictions table, String name, Predictions.Split split) {
    List<float[]> values = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    Iterator<Row> rows =
        table
            .of("bench", List.of(name), split)
            .orderBy("sample")
            .select("label", "logits")
            .toLocalIterator();
    while (rows.hasNext()) {
      Row r = rows.next();
      labels.add(r.getInt(0));
      List<Float> l = r.getList(1);
      float[] v = new float[l.size()];
      for (int c = 0; c < v.length; c++) {
        v[c] = l.get(c);
      }
      values.add(v);
    }
    return new Logits(
        values.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray());
  }

  private static Map<String, Object> figures(
      double seconds, HeapWatch heap, double top1, double top5, double loss) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("wall_s", seconds);
    m.put("heap_peak_mb", heap.peakMb());
    m.put("heap_after_gc_max_mb", heap.liveAfterGcMb());
    m.put("top1", top1);
    m.put("top5", top5);
    m.put("loss", loss);
    return m;
  }

  @SuppressWarnings("unchecked")
  private static String line(Map<String, Object> r) {
    StringBuilder b = new StringBuilder("N = " + r.get("members") + ":");
    for (String k : List.of("frames", "driver")) {
      Map<String, Object> f = (Map<String, Object>) r.get(k);
      if (f != null) {
        b.append(
            String.format(
                " %s %.1f s, heap peak %.0f MB, live after GC ≤ %.0f MB, top-1 %.4f;",
                k,
                f.get("wall_s"),
                f.get("heap_peak_mb"),
                f.get("heap_after_gc_max_mb"),
                f.get("top1")));
      }
    }
    return b.toString();
  }
}
