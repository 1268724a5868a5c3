package org.moodnas.core;

import java.io.Serializable;

/**
 * Where a training runs, as users write it ("cpu", "gpu:N"): a value a Spark task can carry; the
 * trainer turns it into an engine device where the work runs.
 */
public record DeviceSpec(boolean gpu, int index) implements Serializable {

  public static final DeviceSpec CPU = new DeviceSpec(false, -1);

  /** "cpu" or "gpu:N". */
  public static DeviceSpec parse(String text) {
    if (text.equals("cpu")) {
      return CPU;
    }
    if (text.matches("gpu:\\d{1,4}")) {
      return new DeviceSpec(true, Integer.parseInt(text.substring(4)));
    }
    throw new IllegalArgumentException("'" + text + "' is not a device; use cpu or gpu:N");
  }

  public static DeviceSpec gpu(int index) {
    return new DeviceSpec(true, index);
  }

  @Override
  public String toString() {
    return gpu ? "gpu:" + index : "cpu";
  }
}
