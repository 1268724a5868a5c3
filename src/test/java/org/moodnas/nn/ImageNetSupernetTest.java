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
        .containsExactly(new Shape(1, 16, 56, 56), new Shape(1, 16, 28, 28));
    assertThat(net.getOutputShapes(new Shape[] {new Shape(2, 3, 224, 224)})[0])
        .isEqualTo(new Shape(2, 1000));
    assertThat(net.spec().partialChannels()).isEqualTo(2);
  }

  @Test
  void publishedSearchSettingHasTheWeightCountOfItsLayerShapes() {
    SearchNetwork imagenet = build(SupernetSpec.imagenet(16, 8, 1000), new Shape(1, 3, 224, 224));
    assertThat(weights(imagenet)).isEqualTo(expectedWeights(16, 8, 1000, true));
    SearchNetwork cifar = build(SupernetSpec.cifar(16, 8, 10), new Shape(1, 3, 32, 32));
    // the formula reproduces the published CIFAR supernet too
    assertThat(expectedWeights(16, 8, 10, false)).isEqualTo(299_578L);
    assertThat(weights(cifar)).isEqualTo(299_578L);
  }

  private static long weights(SearchNetwork net) {
    return net.weights().stream().mapToLong(p -> p.getArray().size()).sum();
  }

  /**
   * Trainable weights from the layer shapes of model_search(_imagenet).py: affine stem BNs count 2
   * per channel, every cell BN is non-affine; convolutions have no bias; the classifier has one.
   */
  private static long expectedWeights(int c, int layers, int classes, boolean imagenet) {
    long total;
    long cPrevPrev;
    long cPrev;
    if (imagenet) {
      long half = c / 2;
      total = 27 * half + 2 * half + 9 * half * c + 2 * c + 9L * c * c + 2 * c;
      cPrevPrev = c;
      cPrev = c;
    } else {
      total = 27L * 3 * c + 2L * 3 * c;
      cPrevPrev = 3L * c;
      cPrev = 3L * c;
    }
    int k = imagenet ? 2 : 4;
    long cCurr = c;
    for (int i = 0; i < layers; i++) {
      boolean reduction = i == layers / 3 || i == 2 * layers / 3;
      if (reduction) {
        cCurr *= 2;
      }
      // preprocess0 (1×1 conv, or two 1×1 convs to half each) and preprocess1: 1×1 convs
      total += cPrevPrev * cCurr + cPrev * cCurr;
      long p = cCurr / k;
      // sep 3×3 and 5×5 (two depthwise + pointwise each), dil 3×3 and 5×5
      long edge = 2 * (9 * p + p * p) + 2 * (25 * p + p * p) + (9 * p + p * p) + (25 * p + p * p);
      int stridedEdges = reduction ? 8 : 0; // the edges from s0 and s1 of each of 4 nodes
      total += 14 * edge + stridedEdges * p * p; // skip_connect on a strided edge: FactorizedReduce
      cPrevPrev = cPrev;
      cPrev = 4 * cCurr;
    }
    return total + cPrev * classes + classes;
  }
}
