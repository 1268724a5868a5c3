package org.moodnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.moodnas.data.Augmentation;
import org.moodnas.data.Batch;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.ImageSet;
import org.moodnas.data.Normalization;

/** How a trainer's batches are made: normalization, training augmentation, target manager. */
public record DataFeed(Normalization normalization, Augmentation augmentation) {

  /** Shuffled, augmented batches for training. */
  public BatchIterator train(ImageSet set, int batchSize, Random rng) {
    return new BatchIterator(set, normalization, augmentation, batchSize, rng);
  }

  /** Batches in order, no augmentation. */
  public BatchIterator eval(ImageSet set, int batchSize) {
    return new BatchIterator(set, normalization, Augmentation.NONE, batchSize, null);
  }

  /** (images NCHW float32, labels int32) in {@code manager}, on its device. */
  public NDList toArrays(Batch batch, NDManager manager) {
    NDArray x =
        manager.create(
            batch.data(),
            new Shape(batch.count(), batch.channels(), batch.height(), batch.width()));
    NDArray y = manager.create(batch.labels());
    return new NDList(x, y);
  }
}
