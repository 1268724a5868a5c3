package org.moodnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a training state in host memory, in the layout docs/checkpoints.md describes: the magic
 * line, the format version, a JSON header, then the trainer's items in its fixed order (arrays as
 * shape and float32 bytes, generators as Java's own serialized {@link Random}, numbers, JSON).
 */
final class StateOutput {

  static final String MAGIC = "MOOD-NAS trial state";
  static final int FORMAT = 1;
  static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
  private final DataOutputStream out = new DataOutputStream(bytes);

  StateOutput(Map<String, Object> header) {
    try {
      out.writeUTF(MAGIC);
      out.writeInt(FORMAT);
      byte[] h = JSON.writeValueAsBytes(header);
      out.writeInt(h.length);
      out.write(h);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@code body} writes, without a header: for measuring a state's copy. */
  static byte[] bytesOf(java.util.function.Consumer<StateOutput> body) {
    StateOutput out = new StateOutput(Map.of());
    body.accept(out);
    return out.bytes();
  }

  /** Each array's shape and values (copied from the device now). */
  StateOutput arrays(List<NDArray> arrays) {
    try {
      out.writeInt(arrays.size());
      for (NDArray a : arrays) {
        if (a.getDataType() != DataType.FLOAT32) {
          throw new IllegalStateException("cannot checkpoint a " + a.getDataType() + " array");
        }
        long[] shape = a.getShape().getShape();
        out.writeInt(shape.length);
        for (long d : shape) {
          out.writeLong(d);
        }
        byte[] values = a.toByteArray();
        out.writeInt(values.length);
        out.write(values);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A generator's exact state (seed and cached Gaussian), as Java serializes it. */
  StateOutput random(Random random) {
    try {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      try (ObjectOutputStream o = new ObjectOutputStream(b)) {
        o.writeObject(random);
      }
      out.writeInt(b.size());
      b.writeTo(out);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  StateOutput number(double v) {
    try {
      out.writeDouble(v);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  StateOutput number(long v) {
    try {
      out.writeLong(v);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  StateOutput flag(boolean v) {
    try {
      out.writeBoolean(v);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value as JSON (records: the epoch records, the skipped files). */
  StateOutput json(Object value) {
    try {
      byte[] b = JSON.writeValueAsBytes(value);
      out.writeInt(b.length);
      out.write(b);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] bytes() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
