package org.moodnas.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.moodnas.analysis.ensemble.Logits;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.DataFeed;
import org.moodnas.data.TrainingData;
import org.moodnas.train.EvalCheckpoint;

/**
 * The published ensemble rule written out directly, to check the product against: per-class weights
 * from held-out logits, and the weighted top-1 of min–max scaled logits.
 */
final class PublishedEnsemble {

  private PublishedEnsemble() {}

  /** Start at 1; +1 for the true class of each sample some but not all models get right. */
  static double[][] perClassWeights(List<Logits> models) {
    return scores(models, models.get(0).classes(), 1, true);
  }

  /**
   * Per model (utils.score_per_model): start at 0; +1 for each sample some but not all models get
   * right that the model gets right; divided by the largest. weights[model][0].
   */
  static double[][] perModelWeights(List<Logits> models) {
    return scores(models, 1, 0, false);
  }

  /**
   * Scores from {@code start}, +1 in the true class's column ({@code perClass}) or column 0 for
   * each contested sample a model gets right, each column divided by its largest.
   */
  private static double[][] scores(
      List<Logits> models, int columns, double start, boolean perClass) {
    double[][] w = new double[models.size()][columns];
    for (double[] row : w) {
      Arrays.fill(row, start);
    }
    for (int s = 0; s < models.get(0).samples(); s++) {
      int label = models.get(0).labels()[s];
      int sample = s;
      long right = models.stream().filter(l -> argmax(l.values()[sample]) == label).count();
      if (right < models.size()) {
        for (int m = 0; m < models.size(); m++) {
          if (argmax(models.get(m).values()[s]) == label) {
            w[m][perClass ? label : 0] += 1;
          }
        }
      }
    }
    for (int c = 0; c < columns; c++) {
      double max = 0;
      for (double[] row : w) {
        max = Math.max(max, row[c]);
      }
      for (double[] row : w) {
        row[c] /= max;
      }
    }
    return w;
  }

  /**
   * A network's logits on the training part read as ensemble.py's train queue reads it: the
   * training transform, shuffled and augmented with the run's seed 0, batches of 96.
   */
  static Logits trainQueue(
      EvalCheckpoint.Loaded loaded, NDManager m, DataFeed feed, TrainingData data) {
    List<float[]> values = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    ParameterStore store = new ParameterStore(m, false);
    BatchIterator batches = feed.train(data.train(), 96, 0, 0);
    while (batches.hasNext()) {
      Logits b = Logits.of(loaded.network(), store, m, batches.next());
      values.addAll(List.of(b.values()));
      for (int label : b.labels()) {
        labels.add(label);
      }
    }
    return new Logits(
        values.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Share of samples whose weighted, min–max scaled score is highest for the true class. */
  static double top1(List<Logits> models, double[][] w) {
    int n = models.get(0).samples();
    int classes = models.get(0).classes();
    int hits = 0;
    for (int s = 0; s < n; s++) {
      double[] score = new double[classes];
      for (int m = 0; m < models.size(); m++) {
        float[] v = models.get(m).values()[s];
        float lo = v[0];
        float hi = v[0];
        for (float x : v) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
        for (int c = 0; c < classes; c++) {
          score[c] += (v[c] - lo) / (double) (hi - lo) * w[m][c] / models.size();
        }
      }
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (score[c] > score[best]) {
          best = c;
        }
      }
      if (best == models.get(0).labels()[s]) {
        hits++;
      }
    }
    return (double) hits / n;
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
