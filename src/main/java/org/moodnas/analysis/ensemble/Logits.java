package org.moodnas.analysis.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import org.moodnas.data.Batch;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.DataFeed;
import org.moodnas.data.ImageSource;
import org.moodnas.nn.eval.EvalNetwork;
import org.moodnas.train.BatchArrays;

/** A network's logits for every image of a set (test-time transforms), with the true classes. */
public record Logits(float[][] values, int[] labels) {

  public int samples() {
    return labels.length;
  }

  public int classes() {
    return values.length == 0 ? 0 : values[0].length;
  }

  /** Runs {@code network} in inference mode over {@code set}, one sub-manager per batch. */
  public static Logits of(EvalNetwork network, NDManager manager, DataFeed feed, ImageSource set) {
    JniUtils.setGradMode(false);
    ParameterStore store = new ParameterStore(manager, false);
    float[][] values = new float[set.size()][];
    int[] labels = new int[set.size()];
    int at = 0;
    BatchIterator batches = feed.eval(set, 256);
    while (batches.hasNext()) {
      Logits b = of(network, store, manager, batches.next());
      System.arraycopy(b.values, 0, values, at, b.samples());
      System.arraycopy(b.labels, 0, labels, at, b.samples());
      at += b.samples();
    }
    // Unreadable images were left out of their batches (the same ones for every member).
    return new Logits(java.util.Arrays.copyOf(values, at), java.util.Arrays.copyOf(labels, at));
  }

  /** Runs {@code network} in inference mode over one batch, in a sub-manager of {@code manager}. */
  public static Logits of(
      EvalNetwork network, ParameterStore store, NDManager manager, Batch batch) {
    JniUtils.setGradMode(false);
    float[][] values = new float[batch.count()][];
    try (NDManager step = manager.newSubManager()) {
      NDList xy = BatchArrays.of(batch, step);
      NDArray out = network.forward(store, new NDList(xy.get(0)), false).head();
      float[] flat = out.toFloatArray();
      int classes = flat.length / batch.count();
      for (int i = 0; i < batch.count(); i++) {
        values[i] = java.util.Arrays.copyOfRange(flat, i * classes, (i + 1) * classes);
      }
    }
    return new Logits(values, batch.labels().clone());
  }
}
