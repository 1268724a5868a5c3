package org.moodnas.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moodnas.nn.search.SearchNetwork;
import org.moodnas.nn.search.SupernetSpec;

/** PC-DARTS's model_search_imagenet.py network at the published search setting. */
class ImageNetSupernetTest {

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  private SearchNetwork build(SupernetSpec spec, Shape input) {
    SearchNetwork net = spec.build();
    net.initialize(manager, DataType.FLOAT32, input);
    return net;
  }

  @Test
  void theStemHasStrideEightAndTheFirstCellReducesItsS0() {
    SearchNetwork net = build(SupernetSpec.imagenet(16, 8, 1000), new Shape(1, 3, 224, 224));
    assertThat(net.stemShapes(new Shape(1, 3, 224, 224)))
        .containsExactly(new Shape(1, 48, 56, 56), new Shape(1, 48, 28, 28));
    assertThat(net.getOutputShapes(new Shape[] {new Shape(2, 3, 224, 224)})[0])
        .isEqualTo(new Shape(2, 1000));
    assertThat(net.spec().partialChannels()).isEqualTo(2);
  }

  @Test
  void cifarSupernetReducesOnlyFromFiveLayersImageNetsAtAnyDepth() {
    assertThat(build(SupernetSpec.cifar(8, 4, 10), new Shape(1, 3, 8, 8)).reductionCells())
        .isEmpty();
    assertThat(build(SupernetSpec.cifar(8, 3, 10), new Shape(1, 3, 8, 8)).reductionCells())
        .isEmpty();
    assertThat(build(SupernetSpec.cifar(8, 5, 10), new Shape(1, 3, 8, 8)).reductionCells())
        .containsExactly(1, 3);
    assertThat(build(SupernetSpec.imagenet(8, 4, 10), new Shape(1, 3, 64, 64)).reductionCells())
        .containsExactly(1, 2);
    // without reduction cells the channels stay at C: the classifier reads 4·C
    assertThat(SupernetSpec.cifar(8, 4, 10).hasReductionCells()).isFalse();
    SearchNetwork flat = build(SupernetSpec.cifar(8, 4, 10), new Shape(1, 3, 8, 8));
    assertThat(weights(flat)).isEqualTo(expectedWeights(8, 4, 10, false));
    // model_search.py's Network(16, 10, 3), no reduction cell, counted in PyTorch
    assertThat(weights(build(SupernetSpec.cifar(16, 3, 10), new Shape(1, 3, 8, 8))))
        .isEqualTo(28_586L);
  }

  @Test
  void publishedSearchSettingHasTheWeightCountOfItsLayerShapes() {
    SearchNetwork imagenet = build(SupernetSpec.imagenet(16, 8, 1000), new Shape(1, 3, 224, 224));
    assertThat(weights(imagenet)).isEqualTo(expectedWeights(16, 8, 1000, true));
    SearchNetwork cifar = build(SupernetSpec.cifar(16, 8, 10), new Shape(1, 3, 32, 32));
    // The formula gives what PyTorch counts for the published networks (model_search_imagenet.py's
    // Network(16, 1000, 8) and model_search.py's Network(16, 10, 8), run on Debian's
    // python3-torch).
    assertThat(expectedWeights(16, 8, 1000, true)).isEqualTo(956_512L);
    assertThat(expectedWeights(16, 8, 10, false)).isEqualTo(299_578L);
    assertThat(weights(cifar)).isEqualTo(299_578L);
  }

  private static long weights(SearchNetwork net) {
    return net.weights().stream().mapToLong(p -> p.getArray().size()).sum();
  }

  /**
   * Trainable weights from the layer shapes of model_search(_imagenet).py, layer by layer: affine
   * stem BNs count 2 per channel, every cell BN is non-affine; convolutions have no bias; the
   * classifier has one. α and β are not counted.
   */
  private static long expectedWeights(int c, int layers, int classes, boolean imagenet) {
    long stemC = 3L * c; // stem_multiplier 3 in both scripts
    long total;
    if (imagenet) {
      long half = stemC / 2;
      total = 3 * 9 * half + 2 * half; // stem0: conv3x3 3 → 3C/2, BN
      total += half * 9 * stemC + 2 * stemC; // stem0: conv3x3 3C/2 → 3C, BN
      total += stemC * 9 * stemC + 2 * stemC; // stem1: conv3x3 3C → 3C, BN
    } else {
      total = 3 * 9 * stemC + 2 * stemC; // conv3x3 3 → 3C, BN
    }
    long cPrevPrev = stemC;
    long cPrev = stemC;
    boolean reductionPrev = imagenet;
    int k = imagenet ? 2 : 4;
    long cCurr = c;
    for (int i = 0; i < layers; i++) {
      // model_search.py: "and layers >= 5"; model_search_imagenet.py: no such condition
      boolean reduction = (i == layers / 3 || i == 2 * layers / 3) && (imagenet || layers >= 5);
      if (reduction) {
        cCurr *= 2;
      }
      // preprocess0: FactorizedReduce (two 1×1 convs C_pp → C/2) or ReLUConvBN (1×1 C_pp → C)
      total += reductionPrev ? 2 * cPrevPrev * (cCurr / 2) : cPrevPrev * cCurr;
      total += cPrev * cCurr; // preprocess1: 1×1 conv
      long p = cCurr / k;
      long sep3 = 2 * (9 * p + p * p); // two (depthwise 3×3 + pointwise 1×1)
      long sep5 = 2 * (25 * p + p * p);
      long dil3 = 9 * p + p * p;
      long dil5 = 25 * p + p * p;
      long edge = sep3 + sep5 + dil3 + dil5; // pools and none: no weights; skip: identity
      long factorizedSkip = 2 * p * (p / 2); // skip_connect on a strided edge
      int strided = reduction ? 8 : 0; // the edges from s0 and s1 of each of the 4 nodes
      total += 14 * edge + strided * factorizedSkip;
      cPrevPrev = cPrev;
      cPrev = 4 * cCurr;
      reductionPrev = reduction;
    }
    return total + cPrev * classes + classes; // linear classifier with bias
  }
}
