package org.moodnas.analysis.ensemble;

import java.util.Arrays;
import java.util.List;
import org.moodnas.core.EnsembleMode;

/**
 * Member weights, the rule of ensemble.py and utils.py's scores: all ones (uniform); else a model
 * scores one for each sample it classifies correctly among the samples that not every model gets
 * right — per model from zero (score_per_model), per model and target class from one (ensemble.py
 * adds a ones matrix in that mode only) — and the scores are divided by their maximum (per class).
 * Where ensemble.py would divide zero by zero (no model wins any contested sample, e.g. a single
 * member or identical ones), the weights fall back to uniform and say so.
 */
public final class EnsembleWeights {

  /** weights[model][class], and whether they fell back to uniform because every score was 0. */
  public record Weights(double[][] values, boolean uniformFallback) {}

  private EnsembleWeights() {}

  /** weights[model][class]; uniform and per-model weights repeat one value across classes. */
  public static Weights compute(List<Logits> members, EnsembleMode mode) {
    int models = members.size();
    int classes = members.get(0).classes();
    double[][] w = new double[models][classes];
    if (mode != EnsembleMode.PER_MODEL) {
      for (double[] row : w) {
        Arrays.fill(row, 1);
      }
    }
    if (mode == EnsembleMode.UNIFORM) {
      return new Weights(w, false);
    }
    int[] labels = members.get(0).labels();
    for (int s = 0; s < labels.length; s++) {
      boolean[] right = new boolean[models];
      boolean all = true;
      for (int m = 0; m < models; m++) {
        right[m] = argmax(members.get(m).values()[s]) == labels[s];
        all &= right[m];
      }
      if (all) {
        continue;
      }
      for (int m = 0; m < models; m++) {
        if (right[m]) {
          if (mode == EnsembleMode.PER_CLASS) {
            w[m][labels[s]]++;
          } else {
            for (int c = 0; c < classes; c++) {
              w[m][c]++;
            }
          }
        }
      }
    }
    boolean fallback = divideByClassMaximum(w);
    return new Weights(w, fallback);
  }

  /**
   * Divides each class's scores by their maximum, in place; a class whose scores are all 0 gets
   * weights 1. True when that happened (only per-model scores start at 0, so only they can all be
   * 0, in every class at once).
   */
  static boolean divideByClassMaximum(double[][] w) {
    boolean fallback = false;
    for (int c = 0; c < w[0].length; c++) {
      double max = 0;
      for (double[] model : w) {
        max = Math.max(max, model[c]);
      }
      fallback |= max == 0;
      for (double[] model : w) {
        model[c] = max == 0 ? 1 : model[c] / max;
      }
    }
    return fallback;
  }

  static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
