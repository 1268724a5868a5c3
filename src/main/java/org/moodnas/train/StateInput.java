package org.moodnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Reads what {@link StateOutput} wrote, item by item in the same order. */
final class StateInput {

  private final String source;
  private final DataInputStream in;
  private final Map<String, Object> header;

  StateInput(String source, byte[] bytes) {
    this.source = source;
    this.in = new DataInputStream(new ByteArrayInputStream(bytes));
    try {
      if (!StateOutput.MAGIC.equals(in.readUTF())) {
        throw new IllegalArgumentException(source + ": not a MOOD-NAS trial state");
      }
      int format = in.readInt();
      if (format != StateOutput.FORMAT) {
        throw new CheckpointMismatchException(
            source + ": state format " + format + ", this code reads format " + StateOutput.FORMAT);
      }
      byte[] h = new byte[in.readInt()];
      in.readFully(h);
      header = StateOutput.JSON.readValue(h, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  Map<String, Object> header() {
    return header;
  }

  /**
   * Copies the stored values into {@code targets} in place (same shapes, in order), reading them
   * into {@code scratch} first.
   */
  void arraysInto(List<NDArray> targets, NDManager scratch) {
    List<NDArray> stored = arrays(scratch);
    if (stored.size() != targets.size()) {
      throw new CheckpointMismatchException(
          source + ": " + stored.size() + " arrays stored, the network has " + targets.size());
    }
    for (int i = 0; i < targets.size(); i++) {
      NDArray target = targets.get(i);
      try (NDArray value = stored.get(i)) {
        if (!value.getShape().equals(target.getShape())) {
          throw new CheckpointMismatchException(
              source
                  + ": array "
                  + i
                  + " stored "
                  + value.getShape()
                  + ", here "
                  + target.getShape());
        }
        target.set(new NDIndex("..."), value);
      }
    }
  }

  /** The stored arrays, new in {@code manager} (null: the count must be 0). */
  List<NDArray> arrays(NDManager manager) {
    try {
      int n = in.readInt();
      List<NDArray> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        long[] shape = new long[in.readInt()];
        for (int d = 0; d < shape.length; d++) {
          shape[d] = in.readLong();
        }
        byte[] values = new byte[in.readInt()];
        in.readFully(values);
        ByteBuffer buffer = ByteBuffer.wrap(values).order(ByteOrder.nativeOrder());
        out.add(manager.create(buffer, new Shape(shape), DataType.FLOAT32));
      }
      return out;
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  Random random() {
    try {
      byte[] b = new byte[in.readInt()];
      in.readFully(b);
      try (ObjectInputStream o = new ObjectInputStream(new ByteArrayInputStream(b))) {
        return (Random) o.readObject();
      }
    } catch (IOException | ClassNotFoundException | ClassCastException e) {
      throw unreadable(e);
    }
  }

  double decimal() {
    try {
      return in.readDouble();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  long integer() {
    try {
      return in.readLong();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  boolean flag() {
    try {
      return in.readBoolean();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  <T> T json(JavaType type) {
    try {
      byte[] b = new byte[in.readInt()];
      in.readFully(b);
      return StateOutput.JSON.readValue(b, type);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  <T> List<T> jsonList(Class<T> element) {
    return json(StateOutput.JSON.getTypeFactory().constructCollectionType(List.class, element));
  }

  private RuntimeException unreadable(Exception e) {
    return new UncheckedIOException(
        source + ": unreadable trial state: " + e.getMessage(),
        e instanceof IOException io ? io : new IOException(e));
  }
}
