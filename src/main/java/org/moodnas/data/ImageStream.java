package org.moodnas.data;

/** Images of an {@link ImageSource} in a fixed order; see {@link ImageSource#stream}. */
public interface ImageStream extends AutoCloseable {

  /** The next image's bytes, from {@link Pixels#offset()} in {@link Pixels#data()}. */
  Pixels next();

  /** Stops reading ahead; images not taken yet are dropped. */
  @Override
  void close();

  /** One image's C×H×W bytes inside a (possibly larger) array. */
  record Pixels(byte[] data, int offset) {}
}
