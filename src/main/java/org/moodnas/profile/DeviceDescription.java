package org.moodnas.profile;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.moodnas.core.DeviceSpec;

/**
 * Where a latency was measured, for the profiles' {@code device} column: the device as the other
 * tables write it, a CPU with the PyTorch threads of the calling thread and its model name ({@code
 * cpu (2 threads) AMD EPYC}), a GPU with its compute capability. Part of a profile's key, so it
 * names hardware, never an executor.
 */
final class DeviceDescription {

  private DeviceDescription() {}

  static String of(DeviceSpec device) {
    Engine.getInstance(); // the native library must be loaded before JniUtils is used
    if (device.gpu()) {
      return device
          + " (compute capability "
          + CudaUtils.getComputeCapability(device.index())
          + ")";
    }
    int threads = JniUtils.getNumThreads();
    String where = device + " (" + threads + " thread" + (threads == 1 ? "" : "s") + ")";
    String model = cpuModel();
    return model == null ? where : where + " " + model;
  }

  /** The CPU's model name on Linux, else null. */
  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse(null);
    } catch (IOException | RuntimeException e) {
      return null; // not Linux, or not readable: the threads say enough
    }
  }
}
