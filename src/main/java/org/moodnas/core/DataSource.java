package org.moodnas.core;

import java.io.Serializable;

/**
 * Which images a training reads: a dataset, its folder (any Hadoop path; null: the dataset's
 * standard place) and the stratified fraction of its training images kept.
 */
public record DataSource(DatasetKind dataset, String path, double subsample)
    implements Serializable {

  /** The embedded default: all of Debian's Fashion-MNIST. */
  public static final DataSource FASHION_MNIST = new DataSource(DatasetKind.FASHION_MNIST, null, 1);

  public DataSource {
    InvalidSettingException.require(dataset != null, "dataset", "is required");
    InvalidSettingException.require(
        subsample > 0 && subsample <= 1, "subsample", "must be in (0, 1], got " + subsample);
    InvalidSettingException.require(
        (path != null && !path.isBlank()) || dataset.defaultPath().isPresent(),
        "path",
        "is required for " + dataset);
  }

  /** The folder to read: {@link #path}, else the dataset's standard place. */
  public String resolvedPath() {
    return path != null && !path.isBlank() ? path : dataset.defaultPath().orElseThrow();
  }
}
