package org.moodnas.cli;

import java.util.Arrays;
import java.util.List;
import org.moodnas.analysis.ensemble.Logits;

/**
 * The published ensemble rule written out directly, to check the product against: per-class weights
 * from held-out logits, and the weighted top-1 of min–max scaled logits.
 */
final class PublishedEnsemble {

  private PublishedEnsemble() {}

  /** Start at 1; +1 for the true class of each sample some but not all models get right. */
  static double[][] perClassWeights(List<Logits> models) {
    int classes = models.get(0).classes();
    double[][] w = new double[models.size()][classes];
    for (double[] row : w) {
      Arrays.fill(row, 1);
    }
    for (int s = 0; s < models.get(0).samples(); s++) {
      int label = models.get(0).labels()[s];
      int sample = s;
      long right = models.stream().filter(l -> argmax(l.values()[sample]) == label).count();
      if (right < models.size()) {
        for (int m = 0; m < models.size(); m++) {
          if (argmax(models.get(m).values()[s]) == label) {
            w[m][label] += 1;
          }
        }
      }
    }
    for (int c = 0; c < classes; c++) {
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
