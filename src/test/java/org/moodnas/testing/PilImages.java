package org.moodnas.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JPEG fixtures written by PIL (Debian's python3-pil, installed by jobs/test): CMYK files as
 * ImageNet holds a few of, and PIL's own RGB conversion of a file as the reference a reader must
 * match (torchvision reads ImageNet through PIL).
 */
public final class PilImages {

  private static final String PYTHON = "/usr/bin/python3";

  private PilImages() {}

  /** A w×h JPEG filled with one CMYK colour (each 0..255), as PIL saves CMYK images. */
  public static void cmykJpeg(Path file, int w, int h, int c, int m, int y, int k) {
    python(
        "from PIL import Image; import sys; "
            + "Image.new('CMYK', (%d, %d), (%d, %d, %d, %d)).save(sys.argv[1], quality=95)"
                .formatted(w, h, c, m, y, k),
        file.toString());
  }

  /** A w×h greyscale image of {@code pixels} (row-major), saved by PIL in the file's format. */
  public static void grey(Path file, int w, int h, byte[] pixels) {
    python(
        "from PIL import Image; import sys; "
            + "Image.frombytes('L', (%d, %d), bytes.fromhex('%s')).save(sys.argv[1], quality=95)"
                .formatted(w, h, java.util.HexFormat.of().formatHex(pixels)),
        file.toString());
  }

  /** PIL's RGB of pixel (x, y) of {@code file}: {@code Image.open(file).convert('RGB')}. */
  public static int[] rgb(Path file, int x, int y) {
    String out =
        python(
            "from PIL import Image; import sys; "
                + "print(*Image.open(sys.argv[1]).convert('RGB').getpixel((%d, %d)))"
                    .formatted(x, y),
            file.toString());
    String[] parts = out.trim().split(" ");
    return new int[] {
      Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])
    };
  }

  private static String python(String code, String file) {
    try {
      Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
      Process p = new ProcessBuilder(PYTHON, "-c", code, file).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("python3 PIL failed for " + file + ": " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + PYTHON + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
