package org.moodnas.nn.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.moodnas.nn.ops.Layers;
import org.moodnas.nn.ops.Pooling;
import org.moodnas.nn.ops.Relu;
import org.moodnas.nn.ops.TorchDefaultInitializer;

/**
 * The auxiliary classifier read after cell 2·layers/3: ReLU, 5×5 average pool down to 2×2, 1×1 conv
 * to 128, BN, ReLU, 2×2 conv to 768, (BN on CIFAR only, as published), ReLU, linear.
 */
public final class AuxiliaryHead extends AbstractBlock {

  private final SequentialBlock features;
  private final Linear classifier;

  /**
   * @param inputSize the spatial size the head reads (8 on CIFAR, 7 on ImageNet and 28×28 inputs);
   *     the pooling stride is chosen so that the pooled map is 2×2, which gives the published
   *     strides 3 (CIFAR) and 2 (ImageNet)
   * @param batchNormAfter768 true for the CIFAR head; the published ImageNet head omits it
   */
  public AuxiliaryHead(int classes, int inputSize, boolean batchNormAfter768) {
    if (inputSize < 6) {
      throw new IllegalArgumentException(
          "the auxiliary head needs at least a 6×6 map, got " + inputSize + "×" + inputSize);
    }
    features = new SequentialBlock();
    features.add(new Relu());
    features.add(new Pooling(Pooling.Kind.AVG, 5, inputSize - 5, 0));
    features.add(Layers.pointwise(128));
    features.add(Layers.batchNorm(true));
    features.add(new Relu());
    features.add(Layers.conv(768, 2, 1, 0, 1, 1));
    if (batchNormAfter768) {
      features.add(Layers.batchNorm(true));
    }
    features.add(new Relu());
    addChildBlock("features", features);
    classifier = addChildBlock("classifier", Linear.builder().setUnits(classes).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = features.forward(store, inputs, training).head();
    return classifier.forward(store, new NDList(x.reshape(x.getShape().get(0), -1)), training);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    features.initialize(manager, dataType, inputShapes);
    TorchDefaultInitializer.initializeLinear(
        classifier, manager, dataType, flat(features.getOutputShapes(inputShapes)[0]));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return classifier.getOutputShapes(new Shape[] {flat(features.getOutputShapes(inputShapes)[0])});
  }

  private static Shape flat(Shape s) {
    return new Shape(s.get(0), s.size() / s.get(0));
  }
}
