package org.moodnas.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident set size of this JVM, native memory included (Linux /proc). */
public final class ProcessMemory {

  private ProcessMemory() {}

  /** VmRSS in MB. */
  public static double rssMb() {
    return field("VmRSS:");
  }

  /** VmHWM (peak RSS) in MB. */
  public static double peakRssMb() {
    return field("VmHWM:");
  }

  /** The native allocator this process runs: "jemalloc" when it is loaded, else "glibc". */
  public static String allocator() {
    try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
      return maps.anyMatch(l -> l.contains("libjemalloc")) ? "jemalloc" : "glibc";
    } catch (IOException | UncheckedIOException e) {
      return "unknown";
    }
  }

  private static double field(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
