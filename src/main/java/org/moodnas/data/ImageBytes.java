package org.moodnas.data;

import java.awt.image.BufferedImage;

/**
 * Images from outside a dataset's readers (a file's encoded bytes, or decoded pixels) brought to
 * the C×S×S unsigned bytes a dataset holds: the shorter side resized to S and the centre cropped as
 * {@link ImageDecoder} does for image folders (an S×S image is kept as it is), then the channels
 * the network takes.
 */
public final class ImageBytes {

  /** The side an image folder's images are stored at (ImageNet's evaluation crops its centre). */
  public static final int FOLDER_SIZE = ImageDecoder.SIZE;

  private ImageBytes() {}

  /**
   * Decodes {@code encoded} (JPEG, PNG, … as javax.imageio reads them, CMYK JPEGs converted as PIL
   * does) to {@code channels}×{@code size}×{@code size} bytes. A file it cannot read is a {@link
   * DatasetFormatException} naming {@code origin}.
   */
  public static byte[] decode(String origin, byte[] encoded, int channels, int size) {
    BufferedImage img = ImageDecoder.read(origin, encoded);
    return fromRgb(ImageDecoder.rgb(img), img.getWidth(), img.getHeight(), channels, size);
  }

  /**
   * Packed 0xRRGGBB pixels of a {@code width}×{@code height} image, row-major, as {@code
   * channels}×{@code size}×{@code size} bytes: 3 channels RGB; 1 channel the luminance as PIL's
   * {@code convert("L")} computes it (a grey image keeps its values).
   */
  public static byte[] fromRgb(int[] rgb, int width, int height, int channels, int size) {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("images have 1 or 3 channels, not " + channels);
    }
    byte[] three = new byte[3 * size * size];
    ImageDecoder.resizeCenterCrop(rgb, width, height, size, three, 0);
    if (channels == 3) {
      return three;
    }
    int plane = size * size;
    byte[] grey = new byte[plane];
    for (int i = 0; i < plane; i++) {
      int r = three[i] & 0xff;
      int g = three[plane + i] & 0xff;
      int b = three[2 * plane + i] & 0xff;
      // PIL's ITU-R 601-2 luma in 16-bit fixed point; the weights sum to 65536, so r = g = b stays
      grey[i] = (byte) ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
    }
    return grey;
  }
}
