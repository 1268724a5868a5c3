package org.moodnas.profile;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.time.Instant;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.Latency;
import org.moodnas.core.LatencySpec;
import org.moodnas.core.LatencySync;
import org.moodnas.core.NetworkKind;
import org.moodnas.core.ProfileRecord;
import org.moodnas.nn.eval.EvalNetwork;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.nn.ops.TorchRandom;

/** Builds a network from its spec and measures its parameters, FLOPs and, on request, latency. */
public final class Profiler {

  /** Parameters and FLOPs (one image, auxiliary head excluded from both). */
  public Profile count(NetworkSpec spec) {
    // The head must be built to count params_with_aux; FLOPs skip it by name.
    NetworkSpec withHead = spec.withAuxiliary(true);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      EvalNetwork net = withHead.build();
      // Counting needs shapes, not values: zeros draw nothing from the engine's generator.
      net.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
      net.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
      net.initialize(manager, DataType.FLOAT32, withHead.inputShape(1));
      long params = ComplexityCounter.params(net, false);
      long withAux = ComplexityCounter.params(net, true);
      return new Profile(params, withAux, ComplexityCounter.flops(net));
    }
  }

  /**
   * Mean milliseconds of one inference forward pass, as OFA's measure_net_latency (the published
   * tables' measurement) takes it: the network without its batch normalizations and auxiliary head,
   * an input of zeros, {@code warmup} unmeasured passes, then {@code runs} passes timed as {@link
   * #time} says. Runs on the calling thread with its PyTorch threads.
   */
  public double latencyMs(NetworkSpec spec, LatencySpec latency) {
    NetworkSpec timed = spec.withAuxiliary(false).withoutBatchNorm();
    int batch = latency.batchSize();
    try (NDManager manager = NDManager.newBaseManager(device(latency.device()))) {
      EvalNetwork net = timed.build();
      TorchRandom.draw(
          () -> {
            net.initialize(manager, DataType.FLOAT32, timed.inputShape(batch));
            return null;
          });
      NDArray input = manager.zeros(timed.inputShape(batch));
      ParameterStore store = new ParameterStore(manager, false);
      return time(
          latency,
          wait -> {
            try (NDManager step = manager.newSubManager()) {
              input.tempAttach(step);
              NDList out = net.forward(store, new NDList(input), false);
              if (wait) {
                out.head().toFloatArray(); // waits for the device
              }
            }
          });
    }
  }

  /** One forward pass; {@code waitForDevice}: return only once its output is computed. */
  @FunctionalInterface
  interface Pass {
    void run(boolean waitForDevice);
  }

  /**
   * Runs {@code warmup} passes, then times {@code runs}: with {@link LatencySync#NONE} all of them
   * under one timer and none waited for (measure_net_latency: the mean is the total over the runs),
   * with {@link LatencySync#EVERY_PASS} each alone, waited for, and the times summed.
   */
  static double time(LatencySpec latency, Pass pass) {
    boolean wait = latency.sync() == LatencySync.EVERY_PASS;
    for (int i = 0; i < latency.warmup(); i++) {
      pass.run(wait);
    }
    long totalNs = 0;
    if (wait) {
      for (int i = 0; i < latency.runs(); i++) {
        long start = System.nanoTime();
        pass.run(true);
        totalNs += System.nanoTime() - start;
      }
    } else {
      long start = System.nanoTime();
      for (int i = 0; i < latency.runs(); i++) {
        pass.run(false);
      }
      totalNs = System.nanoTime() - start;
    }
    return totalNs / 1e6 / latency.runs();
  }

  /**
   * A profiles row for the network {@code spec} builds: its counts and, unless {@code latency} is
   * null, its latency measured here and now.
   */
  public ProfileRecord profile(NetworkSpec spec, String name, LatencySpec latency, String source) {
    Profile counts = count(spec);
    Latency measured =
        latency == null
            ? null
            : new Latency(
                latencyMs(spec, latency), latency, DeviceDescription.of(latency.device()));
    return new ProfileRecord(
        spec.genotype(),
        name,
        NetworkKind.valueOf(spec.kind().name()),
        spec.initChannels(),
        spec.layers(),
        spec.classes(),
        counts.params(),
        counts.paramsWithAux(),
        counts.flops(),
        measured,
        source,
        Instant.now());
  }

  private static Device device(DeviceSpec spec) {
    return spec.gpu() ? Device.gpu(spec.index()) : Device.cpu();
  }
}
