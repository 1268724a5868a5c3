package org.moodnas.spark.ml;

import ai.djl.training.ParameterStore;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.moodnas.analysis.ensemble.Logits;
import org.moodnas.core.DeviceSpec;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.DatasetFormatException;
import org.moodnas.data.ImageBytes;
import org.moodnas.data.ImageSet;

/**
 * What each task of {@link NetworkTransformer#transform} runs over its partition: rows taken {@code
 * batchSize} at a time, their images made the network's input, the network run on those it could
 * read, and each row given back in order with its logits, predicted class and error (null where
 * there was none). {@code struct}: where the image struct's fields are (null: encoded bytes).
 */
record Inference(
    String checkpoint,
    DeviceSpec device,
    int input,
    int[] struct,
    int path,
    int batchSize,
    int cpuThreads)
    implements MapPartitionsFunction<Row, Row>, Serializable {

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    if (!device.gpu()) {
      // per thread: a task's PyTorch threads, never more than the machine's cores
      org.moodnas.train.Devices.useCpuThreads(
          Math.min(cpuThreads, Runtime.getRuntime().availableProcessors()));
    }
    LoadedNetworks.Network net = LoadedNetworks.get(checkpoint, device);
    return new Iterator<>() {
      private final Deque<Row> ready = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        if (ready.isEmpty() && rows.hasNext()) {
          List<Row> batch = new ArrayList<>(batchSize);
          while (batch.size() < batchSize && rows.hasNext()) {
            batch.add(rows.next());
          }
          ready.addAll(score(net, batch));
        }
        return !ready.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }
    };
  }

  private List<Row> score(LoadedNetworks.Network net, List<Row> batch) {
    int channels = net.channels();
    int size = net.storedSize();
    int imageBytes = channels * size * size;
    String[] errors = new String[batch.size()];
    byte[] pixels = new byte[batch.size() * imageBytes];
    int readable = 0;
    for (int i = 0; i < batch.size(); i++) {
      try {
        byte[] image = image(batch.get(i), channels, size);
        System.arraycopy(image, 0, pixels, readable * imageBytes, imageBytes);
        readable++;
      } catch (DatasetFormatException e) {
        errors[i] = e.getMessage(); // names the origin already
      } catch (RuntimeException e) {
        errors[i] = origin(batch.get(i)) + ": " + e.getMessage();
      }
    }
    float[][] logits = new float[readable][];
    if (readable > 0) {
      ImageSet set =
          new ImageSet(
              java.util.Arrays.copyOf(pixels, readable * imageBytes),
              new int[readable],
              channels,
              size,
              size,
              net.classes());
      // the dataset's evaluation transform, as Logits.of scores a set
      BatchIterator batches = net.feed().eval(set, batchSize);
      ParameterStore store = new ParameterStore(net.manager(), false);
      int at = 0;
      while (batches.hasNext()) {
        Logits l = Logits.of(net.network(), store, net.manager(), batches.next());
        System.arraycopy(l.values(), 0, logits, at, l.samples());
        at += l.samples();
      }
    }
    List<Row> out = new ArrayList<>(batch.size());
    int next = 0;
    for (int i = 0; i < batch.size(); i++) {
      Row r = batch.get(i);
      Object[] values = new Object[r.length() + 3];
      for (int c = 0; c < r.length(); c++) {
        values[c] = r.get(c);
      }
      if (errors[i] == null) {
        float[] l = logits[next++];
        values[r.length()] = l;
        values[r.length() + 1] = argmax(l);
      } else {
        values[r.length() + 2] = errors[i];
      }
      out.add(RowFactory.create(values));
    }
    return out;
  }

  private byte[] image(Row row, int channels, int size) {
    if (row.isNullAt(input)) {
      throw new IllegalArgumentException("no image (null)");
    }
    if (struct != null) {
      return RowImages.fromStruct(row.getStruct(input), struct, channels, size);
    }
    return ImageBytes.decode(origin(row), row.getAs(input), channels, size);
  }

  /** The row's file (the path column), else the image struct's origin, else "row". */
  private String origin(Row row) {
    if (path >= 0 && !row.isNullAt(path)) {
      return String.valueOf(row.get(path));
    }
    if (struct != null && !row.isNullAt(input)) {
      String o = RowImages.origin(row.getStruct(input), struct);
      if (o != null) {
        return o;
      }
    }
    return "row";
  }

  /** The first class of the highest logit. */
  static int argmax(float[] logits) {
    int best = 0;
    for (int c = 1; c < logits.length; c++) {
      if (logits[c] > logits[best]) {
        best = c;
      }
    }
    return best;
  }
}
