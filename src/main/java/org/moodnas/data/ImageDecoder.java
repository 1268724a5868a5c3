package org.moodnas.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Decodes one image file of an image folder to 3×256×256 RGB bytes: javax.imageio with
 * TwelveMonkeys' JPEG reader, which converts CMYK and YCCK JPEGs (ImageNet holds some) as PIL does;
 * greyscale images are read raw. The shorter side is resized to 256 (bilinear, no antialiasing,
 * unlike PIL's) and the centre cropped to 256×256: torchvision's {@code Resize(256)} + {@code
 * CenterCrop(256)}, so the training random crop and the evaluation centre crop to 224 both start
 * from it.
 */
final class ImageDecoder {

  static final int SIZE = 256;
  static final int CHANNELS = 3;
  static final int IMAGE_BYTES = CHANNELS * SIZE * SIZE;

  static {
    // The registry may have been filled before the plugin jar was visible (another class loader).
    ImageIO.scanForPlugins();
  }

  private ImageDecoder() {}

  /** Decodes one image file into 3×256×256 bytes at {@code offset}. */
  static void decodeInto(Path file, Configuration conf, byte[] dst, int offset) {
    BufferedImage img = read(file.toString(), HadoopFiles.readAll(file, conf));
    resizeCenterCrop(rgb(img), img.getWidth(), img.getHeight(), SIZE, dst, offset);
  }

  /**
   * The encoded image {@code data} (JPEG, PNG, … as javax.imageio reads them) of {@code origin}
   * (named in errors only), read whole.
   */
  static BufferedImage read(String origin, byte[] data) {
    String problem = JpegHeaders.isJpeg(data) ? JpegHeaders.problem(data) : null;
    if (problem != null) {
      throw new DatasetFormatException(origin, problem);
    }
    BufferedImage img;
    try {
      // ImageIO.read closes this in-memory stream itself (no temp-file cache, unlike
      // read(InputStream)).
      ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data));
      img = ImageIO.read(in);
    } catch (IOException | RuntimeException e) {
      throw new DatasetFormatException(origin, "cannot decode the image: " + e.getMessage(), e);
    }
    if (img == null) {
      throw new DatasetFormatException(origin, "not an image javax.imageio can decode");
    }
    return img;
  }

  /** Packed 0xRRGGBB pixels, row-major. Grey images are read raw: no gamma conversion. */
  static int[] rgb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] out = new int[w * h];
    Raster raster = img.getRaster();
    if (img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
      // getRGB would map the linear grey colour space to sRGB and brighten the image.
      int shift = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
      int[] grey = raster.getSamples(0, 0, w, h, 0, (int[]) null);
      for (int i = 0; i < out.length; i++) {
        int g = Math.min(255, grey[i] >>> shift);
        out[i] = g << 16 | g << 8 | g;
      }
    } else {
      img.getRGB(0, 0, w, h, out, 0, w);
    }
    return out;
  }

  /**
   * Shorter side to {@code size}, longer side to int(size·long/short), center crop size×size
   * (top/left offsets rounded as torchvision does), bilinear with half-pixel centres; writes 3
   * planes of CHW bytes (RGB). An image of size×size is copied as it is.
   */
  static void resizeCenterCrop(int[] rgb, int w, int h, int size, byte[] dst, int offset) {
    int ow;
    int oh;
    if (w <= h) {
      ow = size;
      oh = (int) ((long) size * h / w);
    } else {
      oh = size;
      ow = (int) ((long) size * w / h);
    }
    int top = (int) Math.round((oh - size) / 2.0);
    int left = (int) Math.round((ow - size) / 2.0);
    double sy = (double) h / oh;
    double sx = (double) w / ow;
    int plane = size * size;
    int[] x0 = new int[size];
    int[] x1 = new int[size];
    float[] fx = new float[size];
    for (int x = 0; x < size; x++) {
      double src = Math.min(Math.max((x + left + 0.5) * sx - 0.5, 0), w - 1);
      x0[x] = (int) src;
      x1[x] = Math.min(x0[x] + 1, w - 1);
      fx[x] = (float) (src - x0[x]);
    }
    for (int y = 0; y < size; y++) {
      double srcY = Math.min(Math.max((y + top + 0.5) * sy - 0.5, 0), h - 1);
      int y0 = (int) srcY;
      int y1 = Math.min(y0 + 1, h - 1);
      float fy = (float) (srcY - y0);
      for (int x = 0; x < size; x++) {
        int a = rgb[y0 * w + x0[x]];
        int b = rgb[y0 * w + x1[x]];
        int c = rgb[y1 * w + x0[x]];
        int d = rgb[y1 * w + x1[x]];
        for (int ch = 0; ch < CHANNELS; ch++) {
          int shift = 16 - 8 * ch;
          float top2 = lerp(a >> shift & 0xff, b >> shift & 0xff, fx[x]);
          float bottom = lerp(c >> shift & 0xff, d >> shift & 0xff, fx[x]);
          int v = Math.round(lerp(top2, bottom, fy));
          dst[offset + ch * plane + y * size + x] = (byte) v;
        }
      }
    }
  }

  /** One image file as 3×256×256 bytes. */
  static byte[] decode(Path file, Configuration conf) {
    byte[] out = new byte[IMAGE_BYTES];
    decodeInto(file, conf, out, 0);
    return out;
  }

  private static float lerp(float a, float b, float t) {
    return a + (b - a) * t;
  }
}
