package org.moodnas.data;

/**
 * A labelled set of same-shaped images, channel-major (C×H×W) unsigned bytes each: held in memory
 * ({@link ImageSet}) or read from files as they are needed ({@link ImageFiles}), so a training
 * never holds more of a large set than its read-ahead.
 */
public interface ImageSource {

  /** Labels in 0..classes-1, one per image, in set order. */
  int[] labels();

  int channels();

  int height();

  int width();

  int classes();

  default int size() {
    return labels().length;
  }

  /** Bytes per image. */
  default int imageBytes() {
    return channels() * height() * width();
  }

  /** The images at {@code indices}, in that order. */
  ImageSource subset(int[] indices);

  /** Images [from, to). */
  default ImageSource range(int from, int to) {
    int[] indices = new int[to - from];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = from + i;
    }
    return subset(indices);
  }

  /**
   * The images at {@code order}, one after another, read at most {@code ahead} images in advance
   * where reading is slow (decoding files). An image that cannot be read throws a {@link
   * DatasetFormatException} from {@link ImageStream#next()} for it alone.
   */
  ImageStream stream(int[] order, int ahead);
}
