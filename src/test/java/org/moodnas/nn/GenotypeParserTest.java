package org.moodnas.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.moodnas.nn.search.GenotypeParser;
import org.moodnas.space.Edge;
import org.moodnas.space.Genotype;
import org.moodnas.space.Primitive;

class GenotypeParserTest {

  private static final int OPS = Primitive.SEARCH_SPACE.size();

  /** Uniform α everywhere, but a few strong (edge, op) entries. */
  private static float[][] alphas(int[][] strong) {
    float[][] a = new float[14][OPS];
    for (float[] row : a) {
      java.util.Arrays.fill(row, 1f / OPS);
    }
    for (int[] s : strong) {
      a[s[0]][s[1]] = s.length > 2 ? s[2] / 10f : 0.9f;
    }
    return a;
  }

  private static float[] ones() {
    float[] b = new float[14];
    java.util.Arrays.fill(b, 1f);
    return b;
  }

  @Test
  void picksTheTwoStrongestEdgesPerNodeAndTheirBestOperation() {
    int sep3 = Primitive.SEARCH_SPACE.indexOf(Primitive.SEP_CONV_3X3);
    int skip = Primitive.SEARCH_SPACE.indexOf(Primitive.SKIP_CONNECT);
    int none = Primitive.SEARCH_SPACE.indexOf(Primitive.NONE);
    // Node 3 (edges 2,3,4 from inputs 0,1,2): input 2 has sep_conv_3x3 strongest, input 0 skip.
    float[][] a = alphas(new int[][] {{4, sep3, 8}, {2, skip, 5}, {3, none, 9}});
    Genotype g = GenotypeParser.parse(a, ones(), a, ones(), 4, 4);
    assertThat(g.normal().subList(2, 4))
        .containsExactly(new Edge(Primitive.SEP_CONV_3X3, 2), new Edge(Primitive.SKIP_CONNECT, 0));
    assertThat(g.normalConcat()).containsExactly(2, 3, 4, 5);
  }

  @Test
  void betaScalesEdgesBeforeTheyCompete() {
    int dil5 = Primitive.SEARCH_SPACE.indexOf(Primitive.DIL_CONV_5X5);
    int max = Primitive.SEARCH_SPACE.indexOf(Primitive.MAX_POOL_3X3);
    float[][] a = alphas(new int[][] {{0, dil5, 6}, {1, max, 5}});
    float[] b = ones();
    Genotype plain = GenotypeParser.parse(a, b, a, b, 4, 4);
    assertThat(plain.normal().get(0)).isEqualTo(new Edge(Primitive.DIL_CONV_5X5, 0));
    b[0] = 0.5f; // edge 0 now weaker than edge 1
    Genotype scaled = GenotypeParser.parse(a, b, a, b, 4, 4);
    assertThat(scaled.normal().get(0)).isEqualTo(new Edge(Primitive.MAX_POOL_3X3, 1));
  }

  @Test
  void noneIsNeverChosenEvenWhenStrongest() {
    int none = Primitive.SEARCH_SPACE.indexOf(Primitive.NONE);
    float[][] a = new float[14][OPS];
    for (float[] row : a) {
      row[none] = 1f;
    }
    Genotype g = GenotypeParser.parse(a, ones(), a, ones(), 4, 4);
    assertThat(g.primitives()).doesNotContain(Primitive.NONE);
  }
}
