package org.moodnas.spark.ml;

import org.apache.spark.ml.image.ImageSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.moodnas.data.ImageBytes;

/**
 * The two forms an input column may take: an encoded file's bytes ({@code binary}, as Spark's
 * {@code binaryFile} source gives them in {@code content}) or decoded pixels in Spark's image
 * schema (a struct of origin, height, width, nChannels, mode and row-major BGR(A) bytes, as the
 * {@code image} source and {@link ImageFrames} give them). Either is brought to the channels×S×S
 * bytes a network's dataset stores.
 */
final class RowImages {

  /** OpenCV's type codes of Spark's image schema: 8-bit, 1, 3 or 4 channels. */
  static final int CV_8UC1 = 0;

  static final int CV_8UC3 = 16;

  private RowImages() {}

  /** Whether {@code type} is a column this package reads images from. */
  static boolean readable(DataType type) {
    return type instanceof BinaryType || isImageStruct(type);
  }

  static boolean isImageStruct(DataType type) {
    return type instanceof StructType s
        && java.util.Set.of(s.fieldNames())
            .containsAll(java.util.List.of(ImageSchema.imageFields()));
  }

  /** The fields of Spark's image schema read here, in this order. */
  private static final java.util.List<String> READ =
      java.util.List.of("origin", "height", "width", "nChannels", "data");

  /**
   * Where {@link #READ}'s fields are in a column of {@code type}, an image struct; null for a
   * binary column. Rows inside a partition carry no schema, so fields go by position.
   */
  static int[] structFields(DataType type) {
    if (!(type instanceof StructType s)) {
      return null;
    }
    return READ.stream().mapToInt(s::fieldIndex).toArray();
  }

  /** The origin of an image struct whose fields are at {@code fields}; null if none. */
  static String origin(Row image, int[] fields) {
    Object o = image.get(fields[0]);
    return o == null ? null : o.toString();
  }

  /**
   * The pixels of an image struct whose fields are at {@code fields} ({@link #structFields}), at
   * {@code channels}×{@code size}×{@code size}.
   */
  static byte[] fromStruct(Row image, int[] fields, int channels, int size) {
    int h = image.getInt(fields[1]);
    int w = image.getInt(fields[2]);
    int n = image.getInt(fields[3]);
    byte[] data = (byte[]) image.get(fields[4]);
    if (n != 1 && n != 3 && n != 4) {
      throw new IllegalArgumentException(n + " channels: only 1, 3 (BGR) and 4 (BGRA) are read");
    }
    if (data == null || (long) h * w * n != data.length) {
      throw new IllegalArgumentException(
          (data == null ? 0 : data.length)
              + " bytes do not hold a "
              + w
              + "×"
              + h
              + "×"
              + n
              + " image");
    }
    int[] rgb = new int[h * w];
    for (int i = 0; i < rgb.length; i++) {
      int at = i * n;
      if (n == 1) {
        int g = data[at] & 0xff;
        rgb[i] = g << 16 | g << 8 | g;
      } else {
        rgb[i] = (data[at + 2] & 0xff) << 16 | (data[at + 1] & 0xff) << 8 | data[at] & 0xff;
      }
    }
    return ImageBytes.fromRgb(rgb, w, h, channels, size);
  }

  /**
   * An image of {@code channels}×{@code height}×{@code width} bytes (channel-major, RGB) as a row
   * of Spark's image schema.
   */
  static Row toStruct(String origin, byte[] chw, int offset, int channels, int height, int width) {
    int plane = height * width;
    byte[] hwc = new byte[channels * plane];
    for (int c = 0; c < channels; c++) {
      // Spark's image schema is BGR: channel c of an RGB image goes to position 2 - c
      int to = channels == 3 ? 2 - c : c;
      for (int i = 0; i < plane; i++) {
        hwc[i * channels + to] = chw[offset + c * plane + i];
      }
    }
    return org.apache.spark.sql.RowFactory.create(
        origin, height, width, channels, channels == 1 ? CV_8UC1 : CV_8UC3, hwc);
  }
}
