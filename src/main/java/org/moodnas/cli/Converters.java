package org.moodnas.cli;

import org.moodnas.core.BatchRule;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.LatencySync;
import org.moodnas.core.LrSchedule;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values as users type them: "l2", "fashion-mnist", "gpu:0". */
final class Converters {

  private Converters() {}

  /** l1 or l2. */
  static final class Objective implements ITypeConverter<org.moodnas.core.Objective> {
    @Override
    public org.moodnas.core.Objective convert(String value) {
      for (org.moodnas.core.Objective o : org.moodnas.core.Objective.values()) {
        if (o.toString().equals(value)) {
          return o;
        }
      }
      throw new TypeConversionException("'" + value + "' is not an objective; use l1 or l2");
    }
  }

  /** A dataset's name. */
  static final class Dataset implements ITypeConverter<DatasetKind> {
    @Override
    public DatasetKind convert(String value) {
      try {
        return DatasetKind.byName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** published or under-budget. */
  static final class Rule implements ITypeConverter<BatchRule> {
    @Override
    public BatchRule convert(String value) {
      try {
        return BatchRule.byName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** none or every-pass. */
  static final class Sync implements ITypeConverter<LatencySync> {
    @Override
    public LatencySync convert(String value) {
      try {
        return LatencySync.byName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** linear or cosine. */
  static final class Schedule implements ITypeConverter<LrSchedule> {
    @Override
    public LrSchedule convert(String value) {
      try {
        return LrSchedule.byName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** cpu or gpu:N. */
  static final class Device implements ITypeConverter<DeviceSpec> {
    @Override
    public DeviceSpec convert(String value) {
      try {
        return DeviceSpec.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
