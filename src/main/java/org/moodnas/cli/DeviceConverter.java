package org.moodnas.cli;

import org.moodnas.train.DeviceSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code cpu} or {@code gpu:N}. */
final class DeviceConverter implements ITypeConverter<DeviceSpec> {
  @Override
  public DeviceSpec convert(String value) {
    try {
      return DeviceSpec.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
