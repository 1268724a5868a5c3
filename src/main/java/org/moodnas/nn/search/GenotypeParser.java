package org.moodnas.nn.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.moodnas.space.Edge;
import org.moodnas.space.Genotype;
import org.moodnas.space.Primitive;

/**
 * PC-DARTS's genotype parse: each edge's α softmax scaled by its normalized β; for each node the
 * two incoming edges whose strongest non-'none' operation is largest, and on each that operation;
 * the last {@code multiplier} nodes concatenated.
 */
public final class GenotypeParser {

  private GenotypeParser() {}

  public static Genotype parse(
      float[][] alphaNormal,
      float[] betaNormal,
      float[][] alphaReduce,
      float[] betaReduce,
      int steps,
      int multiplier) {
    List<Integer> concat = IntStream.range(2 + steps - multiplier, steps + 2).boxed().toList();
    return new Genotype(
        cell(alphaNormal, betaNormal, steps), concat, cell(alphaReduce, betaReduce, steps), concat);
  }

  static List<Edge> cell(float[][] alphas, float[] betas, int steps) {
    int none = Primitive.SEARCH_SPACE.indexOf(Primitive.NONE);
    List<Edge> gene = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < steps; i++) {
      int n = i + 2;
      float[][] w = new float[n][];
      for (int j = 0; j < n; j++) {
        w[j] = alphas[start + j].clone();
        for (int k = 0; k < w[j].length; k++) {
          w[j][k] *= betas[start + j];
        }
      }
      // Stable sort by strength, as Python's sorted: ties keep the lower input first.
      List<Integer> inputs =
          IntStream.range(0, n)
              .boxed()
              .sorted(Comparator.comparingDouble(j -> -best(w[j], none)))
              .limit(2)
              .toList();
      for (int j : inputs) {
        gene.add(new Edge(Primitive.SEARCH_SPACE.get(argBest(w[j], none)), j));
      }
      start += n;
    }
    return gene;
  }

  private static float best(float[] row, int skip) {
    return row[argBest(row, skip)];
  }

  /** Index of the largest entry but {@code skip}; the first one on ties. */
  private static int argBest(float[] row, int skip) {
    int best = -1;
    for (int k = 0; k < row.length; k++) {
      if (k != skip && (best < 0 || row[k] > row[best])) {
        best = k;
      }
    }
    return best;
  }
}
