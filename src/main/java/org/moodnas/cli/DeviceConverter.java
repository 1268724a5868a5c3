package org.moodnas.cli;

import ai.djl.Device;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code cpu} or {@code gpu:N}. */
final class DeviceConverter implements ITypeConverter<Device> {
  @Override
  public Device convert(String value) {
    if (value.equals("cpu")) {
      return Device.cpu();
    }
    if (value.matches("gpu:\\d+")) {
      return Device.gpu(Integer.parseInt(value.substring(4)));
    }
    throw new TypeConversionException("'" + value + "' is not a device; use cpu or gpu:N");
  }
}
