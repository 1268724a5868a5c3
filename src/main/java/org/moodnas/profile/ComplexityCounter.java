package org.moodnas.profile;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import org.moodnas.nn.eval.AuxiliaryHead;

/**
 * Counts an initialized network's trainable parameters and multiply-accumulates by walking its
 * blocks: a convolution costs (output elements) × (input channels / groups) × kernel area, a linear
 * layer inputs × outputs. Batch-norm running statistics are not parameters; the auxiliary head is
 * counted only in {@link #paramsWithAux}.
 */
final class ComplexityCounter {

  private ComplexityCounter() {}

  static long params(Block block, boolean withAux) {
    long total = 0;
    for (Pair<String, Parameter> p : block.getDirectParameters()) {
      if (p.getValue().requiresGradient()) {
        total += p.getValue().getArray().getShape().size();
      }
    }
    for (Pair<String, Block> child : block.getChildren()) {
      if (withAux || !(child.getValue() instanceof AuxiliaryHead)) {
        total += params(child.getValue(), withAux);
      }
    }
    return total;
  }

  /** MACs for one image; the network must have been initialized with the input shape. */
  static long flops(Block block) {
    if (block instanceof Convolution conv) {
      Shape in = conv.getInputShapes()[0];
      Shape out = conv.getOutputShapes(new Shape[] {in})[0];
      long perOutput = in.get(1) / conv.getGroups() * conv.getKernelShape().size();
      return out.size() / out.get(0) * perOutput;
    }
    if (block instanceof Linear linear) {
      Shape in = linear.getInputShapes()[0];
      Shape out = linear.getOutputShapes(new Shape[] {in})[0];
      return in.size() / in.get(0) * out.get(out.dimension() - 1);
    }
    long total = 0;
    for (Pair<String, Block> child : block.getChildren()) {
      if (!(child.getValue() instanceof AuxiliaryHead)) {
        total += flops(child.getValue());
      }
    }
    return total;
  }
}
