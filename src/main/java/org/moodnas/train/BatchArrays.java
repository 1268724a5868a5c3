package org.moodnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.moodnas.data.Batch;

/** A batch as the network takes it: (images NCHW float32, labels int32) in a manager. */
public final class BatchArrays {

  private BatchArrays() {}

  /** The batch's arrays in {@code manager}, on its device. */
  public static NDList of(Batch batch, NDManager manager) {
    NDArray x =
        manager.create(
            batch.data(),
            new Shape(batch.count(), batch.channels(), batch.height(), batch.width()));
    return new NDList(x, manager.create(batch.labels()));
  }
}
