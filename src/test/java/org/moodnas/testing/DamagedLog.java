package org.moodnas.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Damages a Delta table as a lost write would: a commit keeps its txn but loses its rows. */
public final class DamagedLog {

  private DamagedLog() {}

  /** Drops the add actions of the commit holding txn {@code appId} at {@code version}. */
  public static void dropRows(Path table, String appId, long version) throws IOException {
    String txn = "\"appId\":\"" + appId + "\",\"version\":" + version + ",";
    Path log = table.resolve("_delta_log");
    List<Path> commits;
    try (Stream<Path> files = Files.list(log)) {
      commits =
          files
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(p -> read(p).contains(txn))
              .toList();
    }
    assertThat(commits).as("the commit of " + appId).hasSize(1);
    Path commit = commits.get(0);
    List<String> kept =
        Files.readAllLines(commit).stream().filter(l -> !l.startsWith("{\"add\":")).toList();
    Files.write(commit, kept);
    // Delta checks a version's file count against its checksum file, when there is one
    Files.deleteIfExists(log.resolve(commit.getFileName().toString().replace(".json", ".crc")));
    Files.deleteIfExists(
        log.resolve("." + commit.getFileName().toString().replace(".json", ".crc.crc")));
    // and Hadoop's local file system checks the commit against its own checksum file
    Files.deleteIfExists(log.resolve("." + commit.getFileName() + ".crc"));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
