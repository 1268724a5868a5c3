package org.moodnas.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.moodnas.core.DeviceSpec;

/** The engine's device for a device spec. */
public final class Devices {

  private Devices() {}

  public static Device of(DeviceSpec spec) {
    return spec.gpu() ? Device.gpu(spec.index()) : Device.cpu();
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
