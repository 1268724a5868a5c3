package org.moodnas.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * An image folder's split read as it is used: only the index (relative paths and labels) is held,
 * each image is decoded to 3×256×256 bytes ({@link ImageDecoder}) when a batch needs it, on the
 * {@link LoaderPool}, at most the stream's read-ahead in advance. Memory thus depends on the batch
 * and read-ahead, not on the number of images. {@code origin} says how the index was obtained.
 */
public record ImageFiles(
    Path split, List<String> files, int[] labels, int classes, Configuration conf, String origin)
    implements ImageSource {

  public ImageFiles {
    files = List.copyOf(files);
    if (files.size() != labels.length) {
      throw new IllegalArgumentException(
          split + ": " + files.size() + " files but " + labels.length + " labels");
    }
  }

  @Override
  public int channels() {
    return ImageDecoder.CHANNELS;
  }

  @Override
  public int height() {
    return ImageDecoder.SIZE;
  }

  @Override
  public int width() {
    return ImageDecoder.SIZE;
  }

  @Override
  public ImageFiles subset(int[] indices) {
    List<String> f = new ArrayList<>(indices.length);
    int[] l = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      f.add(files.get(indices[i]));
      l[i] = labels[indices[i]];
    }
    return new ImageFiles(split, f, l, classes, conf, origin);
  }

  @Override
  public ImageStream stream(int[] order, int ahead) {
    return new ReadAhead(this, order, ahead);
  }

  /** The file of image {@code i}. */
  public Path file(int i) {
    return new Path(split, files.get(i));
  }

  /**
   * The bytes of image {@code i}'s file as stored (encoded); a DatasetFormatException naming it.
   */
  public byte[] encoded(int i) {
    return HadoopFiles.readAll(file(i), conf);
  }

  /** Image {@code i} decoded; a DatasetFormatException naming the file when it cannot be. */
  byte[] decode(int i) {
    return ImageDecoder.decode(file(i), conf);
  }
}
