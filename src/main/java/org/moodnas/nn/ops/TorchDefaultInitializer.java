package org.moodnas.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;

/**
 * PyTorch's default for conv and linear weights: kaiming_uniform(a = √5), i.e. U(−b, b) with b =
 * 1/√fan_in, fan_in = in-channels/groups × kernel area (the weight's size over its first axis).
 * DJL's Xavier default draws about six times the variance, which would change every Σ|w| and Σw²
 * the MOOD-NAS penalties weigh, and so the meaning of a published ν.
 */
public final class TorchDefaultInitializer implements Initializer {

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    long fanIn = shape.size() / shape.get(0);
    float bound = (float) (1 / Math.sqrt(fanIn));
    return manager.randomUniform(-bound, bound, shape, dataType, manager.getDevice());
  }

  /**
   * Initializes {@code linear} for {@code input} as PyTorch's nn.Linear: weights as above, the bias
   * U(−b, b) with b = 1/√fan_in too (DJL would start it at 0). The bias's own shape does not hold
   * fan_in, so it is read from the input's last axis here.
   */
  public static void initializeLinear(
      Linear linear, NDManager manager, DataType dataType, Shape input) {
    Parameter bias = linear.getParameters().get("bias");
    // Only over DJL's default: an initializer the caller chose stays (counting parameters sets
    // zeros, which draw nothing from the engine's generator that a concurrent training has seeded).
    if (bias != null && bias.getInitializer() == Parameter.Type.BIAS.getInitializer()) {
      linear.setInitializer(new LinearBias(input.get(input.dimension() - 1)), Parameter.Type.BIAS);
    }
    linear.initialize(manager, dataType, input);
  }

  /** nn.Linear's bias: U(−1/√fan_in, 1/√fan_in). */
  private record LinearBias(long fanIn) implements Initializer {

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
      float bound = (float) (1 / Math.sqrt(fanIn));
      return manager.randomUniform(-bound, bound, shape, dataType, manager.getDevice());
    }
  }
}
