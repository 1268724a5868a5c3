package org.moodnas.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writers of the exact on-disk formats, for the reader tests. */
final class TestFiles {

  private TestFiles() {}

  /** An IDX images file: magic, count, rows, cols, then the bytes; gzipped when name ends .gz. */
  static void idxImages(Path file, int magic, int count, int rows, int cols, byte[] pixels)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    out.writeInt(count);
    out.writeInt(rows);
    out.writeInt(cols);
    out.write(pixels);
    write(file, bytes.toByteArray());
  }

  static void idxLabels(Path file, int magic, byte[] labels) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    out.writeInt(labels.length);
    out.write(labels);
    write(file, bytes.toByteArray());
  }

  static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      if (file.getFileName().toString().endsWith(".gz")) {
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
          gz.write(content);
        }
      } else {
        out.write(content);
      }
    }
  }

  /** Pixels that differ per image and position: (seed + 7·i) mod 256. */
  static byte[] pattern(int length, int seed) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (seed + 7 * i);
    }
    return b;
  }

  /** CIFAR records: label bytes then 3072 pixel bytes each. */
  static byte[] cifarRecords(int[][] labelBytes, byte[][] pixels) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < labelBytes.length; i++) {
      for (int l : labelBytes[i]) {
        out.write(l);
      }
      out.write(pixels[i], 0, pixels[i].length);
    }
    return out.toByteArray();
  }

  static org.apache.hadoop.fs.Path hadoop(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri().toString());
  }
}
