package org.moodnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/** Parameter bookkeeping shared by the trainers. */
final class Trainables {

  private Trainables() {}

  /** Every parameter array of a block (trainable or not: BN running statistics included). */
  static List<NDArray> allArrays(Block block) {
    List<NDArray> out = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      out.add(p.getValue().getArray());
    }
    return out;
  }

  /** Parameters that need a gradient. */
  static List<Parameter> trainable(Block block) {
    List<Parameter> out = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getValue().requiresGradient()) {
        out.add(p.getValue());
      }
    }
    return out;
  }

  static List<NDArray> arrays(List<Parameter> params) {
    return params.stream().map(Parameter::getArray).toList();
  }

  static List<NDArray> gradients(List<Parameter> params) {
    return params.stream().map(p -> p.getArray().getGradient()).toList();
  }

  /** Gradients accumulate across backward passes; the trainers clear them after each update. */
  static void zeroGradients(List<NDArray> arrays) {
    for (NDArray a : arrays) {
      if (a.hasGradient()) {
        a.getGradient().muli(0);
      }
    }
  }
}
