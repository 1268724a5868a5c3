package org.moodnas.spark.executor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.moodnas.core.DataSource;
import org.moodnas.core.TrainingSpec;
import org.moodnas.data.TrainingData;

/**
 * The images loaded in this executor JVM, kept across tasks: every trial of a sweep reads the same
 * data, and reading it is most of a small trial's time. Augmentation is not part of the key: each
 * training builds its own feed over the cached images.
 */
public final class DataCache {

  /** What fixes the loaded images: the source, the subsample's seed, the split. */
  record Key(DataSource source, long seed, double trainPortion) {}

  private static final Map<Key, TrainingData> DATA = new ConcurrentHashMap<>();

  private DataCache() {}

  /** The images of {@code source} as {@code training} splits them, read on first use. */
  public static TrainingData get(DataSource source, TrainingSpec training) {
    Key key = new Key(source, training.seed(), training.trainPortion());
    return DATA.computeIfAbsent(
        key,
        k ->
            TrainingData.load(
                k.source(), k.seed(), k.trainPortion(), new PrintWriter(new StringWriter())));
  }
}
