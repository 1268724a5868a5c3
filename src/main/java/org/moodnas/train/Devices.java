package org.moodnas.train;

import ai.djl.Device;
import org.moodnas.core.DeviceSpec;

/** The engine's device for a device spec. */
public final class Devices {

  private Devices() {}

  public static Device of(DeviceSpec spec) {
    return spec.gpu() ? Device.gpu(spec.index()) : Device.cpu();
  }
}
