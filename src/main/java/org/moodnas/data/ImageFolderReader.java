package org.moodnas.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Reads ImageNet-style folders, {@code train/CLASS/*.JPEG} and {@code val/CLASS/*.JPEG}, as {@link
 * ImageFiles}: indexed here ({@link ImageIndex}), decoded when batches need them ({@link
 * ImageDecoder}). The classes are the sorted folder names of train; val is labelled with the same
 * list, and a val folder that is not a train class is an error. Files are taken in name order;
 * files whose extension is not an image one (jpeg, jpg, png, bmp, gif) and hidden files are
 * skipped.
 */
public final class ImageFolderReader {

  private ImageFolderReader() {}

  public static ImageFiles train(Path root) {
    return train(root, new Configuration());
  }

  public static ImageFiles train(Path root, Configuration conf) {
    Path train = new Path(root, "train");
    return read(train, classes(train, conf), conf);
  }

  public static ImageFiles val(Path root) {
    return val(root, new Configuration());
  }

  public static ImageFiles val(Path root, Configuration conf) {
    return read(new Path(root, "val"), classes(new Path(root, "train"), conf), conf);
  }

  /** The sorted names of the class folders of a split folder (none is an error). */
  public static List<String> classes(Path split, Configuration conf) {
    List<String> names = new ArrayList<>();
    for (FileStatus s : HadoopFiles.list(split, conf)) {
      if (s.isDirectory() && !ImageIndex.hidden(s.getPath().getName())) {
        names.add(s.getPath().getName());
      }
    }
    if (names.isEmpty()) {
      throw new DatasetFormatException(split.toString(), "no class folders");
    }
    return names;
  }

  /**
   * Refuses an image folder whose train folder has fewer than two class folders: with a single
   * class every image is labelled right, and a training reaches accuracy 1 learning nothing.
   */
  public static void requireClasses(Path root, Configuration conf) {
    Path train = new Path(root, "train");
    List<String> names = classes(train, conf);
    if (names.size() == 1) {
      throw new DatasetFormatException(
          train.toString(),
          "only one class folder (" + names.get(0) + "): a classifier needs at least two");
    }
  }

  /** The images of {@code split}/CLASS/*, labelled by the class's index in {@code classes}. */
  public static ImageFiles read(Path split, List<String> classes, Configuration conf) {
    ImageIndex index = ImageIndex.of(split, classes, conf);
    return new ImageFiles(
        split, index.files(), index.labels(), classes.size(), conf, index.origin());
  }
}
