package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A driver launched as a scheduler launches it (jobs/mood-nas, its own JVM), and its traces. */
final class LaunchedDriver {

  private static final Duration STARTING = Duration.ofMinutes(5);

  private LaunchedDriver() {}

  /** Starts {@code cmd}, its console to {@code err} and {@code out}. */
  static Process launch(List<String> cmd, Path err, Path out) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(out.toFile());
    pb.environment().put("MOOD_NAS_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
    return pb.start();
  }

  /**
   * A trial's or evaluation's start line: it ends with "started", or "started (why it ran)" (a
   * search trial says why: an initial weight, a gap, a speculative gap).
   */
  static boolean isStartLine(String line) {
    return line.matches(".* started( \\(.*\\))?");
  }

  /** Waits until {@code err} holds {@code count} lines that pass {@code line}; fails if p ends. */
  static void awaitLines(Process p, Path err, Predicate<String> line, int count) throws Exception {
    long until = System.nanoTime() + STARTING.toNanos();
    while (System.nanoTime() < until) {
      if (Files.exists(err) && Files.readString(err).lines().filter(line).count() >= count) {
        return;
      }
      assertThat(p.isAlive()).as(Files.exists(err) ? Files.readString(err) : "").isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("no " + count + " such lines in " + STARTING + " in " + err);
  }

  /** The run's files under the warehouse's _leases folder (none once its lease is released). */
  static List<Path> leaseFiles(String wh, String id) throws IOException {
    Path folder = Path.of(wh, "_leases", id);
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }

  /** A query's result rows as CSV lines, header left out. */
  static List<String> sql(String wh, String query) {
    CliRun r = CliRun.of("sql", query, "--warehouse", wh, "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().lines().skip(1).toList();
  }
}
