package org.moodnas.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.moodnas.analysis.ensemble.EnsembleScores;
import org.moodnas.analysis.ensemble.EnsembleWeighing;
import org.moodnas.analysis.ensemble.EnsembleWeights;
import org.moodnas.analysis.ensemble.Logits;
import org.moodnas.analysis.ensemble.MemberKey;
import org.moodnas.analysis.ensemble.WeightedEnsemble;
import org.moodnas.bench.ExecutorMemoryWatch;
import org.moodnas.bench.HeapWatch;
import org.moodnas.core.EnsembleMode;
import org.moodnas.store.Predictions;

/**
 * The two ways {@code bench ensemble} computes a per-class ensemble of the members of run "bench",
 * each timed with the driver's heap and the executors' memory: as DataFrame transforms, and as the
 * driver-side path (every logit collected into arrays on the driver).
 */
final class EnsemblePaths {

  private final Predictions table;
  private final ExecutorMemoryWatch executors;

  EnsemblePaths(Predictions table, ExecutorMemoryWatch executors) {
    this.table = table;
    this.executors = executors;
  }

  /** A per-class ensemble fitted and scored as DataFrame transforms. */
  Map<String, Object> frames(List<String> names) {
    List<MemberKey> keys = names.stream().map(n -> new MemberKey("bench", n)).toList();
    executors.reset();
    try (HeapWatch heap = HeapWatch.start()) {
      long t = System.nanoTime();
      WeightedEnsemble e =
          new EnsembleWeighing(keys, EnsembleMode.PER_CLASS)
              .fit(table.of("bench", names, Predictions.Split.WEIGHTS));
      WeightedEnsemble.Figures f = e.figures(table.of("bench", names, Predictions.Split.TEST));
      return figures((System.nanoTime() - t) / 1e9, heap, f.top1(), f.top5(), f.loss());
    }
  }

  /**
   * The same ensemble as the driver-side path computes it: every logit in arrays here. A driver
   * heap too small for them is a result (the size this path stops at), not a failure.
   */
  Map<String, Object> driver(List<String> names) {
    executors.reset();
    try (HeapWatch heap = HeapWatch.start()) {
      long t = System.nanoTime();
      try {
        List<Logits> weighing = new ArrayList<>();
        List<Logits> test = new ArrayList<>();
        for (String n : names) {
          weighing.add(logits(n, Predictions.Split.WEIGHTS));
          test.add(logits(n, Predictions.Split.TEST));
        }
        double[][] w = EnsembleWeights.compute(weighing, EnsembleMode.PER_CLASS).values();
        EnsembleScores s = EnsembleScores.combine(test, w);
        double loss =
            test.stream().mapToDouble(EnsembleScores::crossEntropy).average().orElseThrow();
        return figures((System.nanoTime() - t) / 1e9, heap, s.topK(1), s.topK(5), loss);
      } catch (OutOfMemoryError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("out_of_memory", true);
        m.put("wall_s", (System.nanoTime() - t) / 1e9);
        m.put("heap_max_mb", Runtime.getRuntime().maxMemory() / 1e6);
        return m;
      }
    }
  }

  /** One member's rows of {@code split}, in sample order, into arrays on the driver. */
  private Logits logits(String name, Predictions.Split split) {
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

  private Map<String, Object> figures(
      double seconds, HeapWatch heap, double top1, double top5, double loss) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("wall_s", seconds);
    m.put("heap_peak_mb", heap.peakMb());
    m.put("heap_after_gc_max_mb", heap.liveAfterGcMb());
    Map<String, Object> byExecutor = new LinkedHashMap<>();
    executors
        .settledPeaks()
        .forEach(
            (id, p) -> {
              Map<String, Object> e = new LinkedHashMap<>();
              e.put("heap_peak_mb", p.heap() / 1e6);
              e.put("rss_peak_mb", p.rss() / 1e6);
              byExecutor.put(id, e);
            });
    m.put("executors", byExecutor);
    m.put("top1", top1);
    m.put("top5", top5);
    m.put("loss", loss);
    return m;
  }
}
