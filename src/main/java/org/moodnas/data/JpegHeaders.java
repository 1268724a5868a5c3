package org.moodnas.data;

/**
 * A walk over a JPEG's marker segments up to its image data, in Java, before the bytes reach the
 * JDK's native decoder: a file that starts like a JPEG but whose header is garbage is refused here
 * as unreadable, with what is wrong, rather than handed to native code that shares the process with
 * the training's engine.
 */
final class JpegHeaders {

  private JpegHeaders() {}

  /** Whether {@code data} starts with a JPEG's start-of-image marker. */
  static boolean isJpeg(byte[] data) {
    return data.length >= 2 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8;
  }

  /** Null when the segments up to start-of-scan are well formed, else what is wrong. */
  static String problem(byte[] data) {
    int pos = 2;
    boolean frame = false;
    while (true) {
      if (pos >= data.length) {
        return "JPEG ends before its image data";
      }
      if ((data[pos] & 0xff) != 0xff) {
        return "broken JPEG header (no marker at byte " + pos + ")";
      }
      while (pos < data.length && (data[pos] & 0xff) == 0xff) {
        pos++; // fill bytes
      }
      if (pos >= data.length) {
        return "JPEG ends before its image data";
      }
      int marker = data[pos] & 0xff;
      if (marker == 0xd9 || marker == 0x00) {
        return "broken JPEG header (marker 0x" + Integer.toHexString(marker) + " before the image)";
      }
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        pos++; // markers without a segment
        continue;
      }
      if (pos + 2 >= data.length) {
        return "JPEG ends inside its header";
      }
      int length = (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff);
      if (length < 2 || pos + 1 + length > data.length) {
        return "JPEG ends inside its header";
      }
      frame |=
          marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (marker == 0xda) {
        return frame ? null : "broken JPEG header (image data before the frame header)";
      }
      pos += 1 + length;
    }
  }
}
