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

  /**
   * The native allocator this process runs: "jemalloc" or "tcmalloc" when it is loaded, else glibc
   * as its tunables set it up (see jobs/mood-nas): "glibc-reuse" when it keeps freed memory (no
   * trimming), "glibc-huge" on huge pages only, "glibc" untuned.
   */
  public static String allocator() {
    try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
      String loaded =
          maps.filter(l -> l.contains("libjemalloc") || l.contains("libtcmalloc"))
              .findFirst()
              .orElse("");
      if (!loaded.isEmpty()) {
        return loaded.contains("libjemalloc") ? "jemalloc" : "tcmalloc";
      }
    } catch (IOException | UncheckedIOException e) {
      return "unknown";
    }
    String tunables = System.getenv().getOrDefault("GLIBC_TUNABLES", "");
    if (tunables.contains("glibc.malloc.trim_threshold")) {
      return "glibc-reuse";
    }
    return tunables.contains("glibc.malloc.hugetlb=1") ? "glibc-huge" : "glibc";
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
