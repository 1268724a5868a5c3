package org.moodnas.analysis.ensemble;

import java.util.List;
import org.moodnas.core.EnsembleMode;

/**
 * Member weights as published: all ones (uniform); else, starting from one, a model scores one for
 * each sample it classifies correctly among the samples that not every model gets right (per model,
 * or per model and target class), and weights are divided by their maximum (per class).
 */
public final class EnsembleWeights {

  private EnsembleWeights() {}

  /** weights[model][class]; uniform and per-model weights repeat one value across classes. */
  public static double[][] compute(List<Logits> members, EnsembleMode mode) {
    int models = members.size();
    int classes = members.get(0).classes();
    double[][] w = new double[models][classes];
    for (double[] row : w) {
      java.util.Arrays.fill(row, 1);
    }
    if (mode == EnsembleMode.UNIFORM) {
      return w;
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
    for (int c = 0; c < classes; c++) {
      double max = 0;
      for (int m = 0; m < models; m++) {
        max = Math.max(max, w[m][c]);
      }
      for (int m = 0; m < models; m++) {
        w[m][c] /= max;
      }
    }
    return w;
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
