package org.moodnas.analysis.ensemble;

import java.util.List;

/**
 * The ensemble's prediction: each member's logits min–max scaled per sample, multiplied by its
 * weights, averaged over members; and how often the true class is first (top-1) or in the first
 * five (top-5).
 */
public record EnsembleScores(double[][] scores, int[] labels) {

  public static EnsembleScores combine(List<Logits> members, double[][] weights) {
    int models = members.size();
    int[] labels = members.get(0).labels();
    int classes = members.get(0).classes();
    double[][] scores = new double[labels.length][classes];
    for (int m = 0; m < models; m++) {
      Logits member = members.get(m);
      if (member.samples() != labels.length || member.classes() != classes) {
        throw new IllegalArgumentException(
            "member "
                + m
                + " scored "
                + member.samples()
                + "×"
                + member.classes()
                + ", not "
                + labels.length
                + "×"
                + classes);
      }
      for (int s = 0; s < labels.length; s++) {
        float[] v = member.values()[s];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
        double range = max - min;
        for (int c = 0; c < classes; c++) {
          double scaled = range > 0 ? (v[c] - min) / range : 0;
          scores[s][c] += scaled * weights[m][c] / models;
        }
      }
    }
    return new EnsembleScores(scores, labels);
  }

  /**
   * Fraction of samples whose true class is among the {@code k} highest scores (ties: lower index
   * first).
   */
  public double topK(int k) {
    return labels.length == 0 ? Double.NaN : (double) hits(k) / labels.length;
  }

  /** Number of samples whose true class is among the {@code k} highest scores. */
  public int hits(int k) {
    int hits = 0;
    for (int s = 0; s < labels.length; s++) {
      double[] v = scores[s];
      int truth = labels[s];
      int above = 0;
      for (int c = 0; c < v.length; c++) {
        if (v[c] > v[truth] || (v[c] == v[truth] && c < truth)) {
          above++;
        }
      }
      if (above < k) {
        hits++;
      }
    }
    return hits;
  }

  /** Mean cross-entropy of one member's logits against the labels. */
  public static double crossEntropy(Logits member) {
    double sum = 0;
    for (int s = 0; s < member.samples(); s++) {
      float[] v = member.values()[s];
      double max = Double.NEGATIVE_INFINITY;
      for (float x : v) {
        max = Math.max(max, x);
      }
      double z = 0;
      for (float x : v) {
        z += Math.exp(x - max);
      }
      sum += Math.log(z) + max - v[member.labels()[s]];
    }
    return sum / member.samples();
  }
}
