package org.moodnas.profile;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.Arrays;
import org.moodnas.nn.eval.EvalNetwork;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.nn.ops.TorchRandom;

/** Builds a network from its spec and measures its parameters, FLOPs and, on request, latency. */
public final class Profiler {

  private final int warmup;
  private final int repeats;

  /** Latency = median over {@code repeats} forward passes after {@code warmup} unmeasured ones. */
  public Profiler(int warmup, int repeats) {
    if (warmup < 0 || repeats < 1) {
      throw new IllegalArgumentException("warm-up must be ≥ 0 and repeats ≥ 1");
    }
    this.warmup = warmup;
    this.repeats = repeats;
  }

  public Profiler() {
    this(5, 20);
  }

  /** Parameters and FLOPs (one image, auxiliary head excluded from both). */
  public Profile count(NetworkSpec spec) {
    // The head must be built to count params_with_aux; FLOPs skip it by name.
    NetworkSpec withHead = spec.withAuxiliary(true);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      EvalNetwork net = withHead.build();
      // Counting needs shapes, not values: zeros draw nothing from the engine's generator.
      net.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
      net.initialize(manager, DataType.FLOAT32, withHead.inputShape(1));
      long params = ComplexityCounter.params(net, false);
      long withAux = ComplexityCounter.params(net, true);
      return new Profile(params, withAux, ComplexityCounter.flops(net), null, null, 1);
    }
  }

  /** Median milliseconds of one inference forward pass on {@code device} at {@code batchSize}. */
  public double latencyMs(NetworkSpec spec, Device device, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
    }
    try (NDManager manager = NDManager.newBaseManager(device)) {
      EvalNetwork net = spec.build();
      NDArray input =
          TorchRandom.draw(
              () -> {
                net.initialize(manager, DataType.FLOAT32, spec.inputShape(batchSize));
                return manager.randomNormal(spec.inputShape(batchSize));
              });
      ParameterStore store = new ParameterStore(manager, false);
      double[] times = new double[repeats];
      for (int i = 0; i < warmup + repeats; i++) {
        try (NDManager step = manager.newSubManager()) {
          input.tempAttach(step);
          long start = System.nanoTime();
          NDList out = net.forward(store, new NDList(input), false);
          out.head().toFloatArray(); // waits for the device
          if (i >= warmup) {
            times[i - warmup] = (System.nanoTime() - start) / 1e6;
          }
        }
      }
      Arrays.sort(times);
      int mid = repeats / 2;
      return repeats % 2 == 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
    }
  }
}
