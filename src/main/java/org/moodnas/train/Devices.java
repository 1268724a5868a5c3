package org.moodnas.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.InvalidSettingException;

/** The engine's device for a device spec. */
public final class Devices {

  private Devices() {}

  /** The first device of {@code spec}: the parameters', the optimizer's and evaluation's. */
  public static Device of(DeviceSpec spec) {
    return spec.gpu() ? Device.gpu(spec.index()) : Device.cpu();
  }

  /** A device per shard of a training batch (the CPU, once per shard, on a CPU). */
  static List<Device> all(DeviceSpec spec) {
    return spec.indices().stream().map(i -> spec.gpu() ? Device.gpu(i) : Device.cpu()).toList();
  }

  /**
   * Throws, naming the setting {@code device}, when the engine cannot see the GPU {@code spec}
   * names: before any work, not as libtorch's CUDA error at the first tensor.
   */
  public static void requireVisible(DeviceSpec spec) {
    if (spec.gpu()) {
      int visible = Engine.getInstance().getGpuCount();
      if (spec.indices().stream().anyMatch(i -> i >= visible)) {
        throw new InvalidSettingException(
            "device",
            spec
                + ": the engine sees "
                + visible
                + " GPU(s) here (a CUDA libtorch is needed, see PYTORCH_LIBRARY_PATH)");
      }
    }
  }

  /**
   * CPU work on the calling thread uses {@code threads} PyTorch threads. The setting is the
   * thread's own (OpenMP keeps it per thread), so each training sets it where it runs.
   */
  public static void useCpuThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
    Engine.getInstance(); // the native library must be loaded before JniUtils is used
    JniUtils.setNumThreads(threads);
  }
}
