package org.moodnas.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Run leases: one driver writes a run at a time, and a run whose driver died shows as lost. Files
 * under {@code <warehouse>/_leases/<run>/}, not a Delta table, so that heartbeats cost no commits:
 * {@code <generation>.lease} holds the holder, created exclusively (of two drivers taking the same
 * generation one wins), and {@code <generation>.beat} is rewritten six times per {@link #TIMEOUT};
 * its modification time is the heartbeat. The highest generation counts. It is alive while its
 * heartbeat is younger than the timeout, unless its holder ran on this host and its process is gone
 * (a driver killed on this host is lost at once, so its run can be resumed without waiting).
 */
public final class Leases {

  public static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String LEASE = ".lease";
  private static final String BEAT = ".beat";

  /** The latest lease of a run: its holder (null while being written or unreadable), heartbeat. */
  public record State(long generation, LeaseHolder holder, Instant heartbeatAt) {}

  private final Warehouse warehouse;
  private final Duration timeout;
  private final String thisHost;

  public Leases(Warehouse warehouse) {
    this(warehouse, TIMEOUT, LeaseHolder.hostName());
  }

  Leases(Warehouse warehouse, Duration timeout, String thisHost) {
    this.warehouse = warehouse;
    this.timeout = timeout;
    this.thisHost = thisHost;
  }

  /** The run's lease when a live driver holds it. */
  public Optional<State> live(String runId) {
    return latest(runId).filter(this::alive);
  }

  /** The ids of the runs whose lease is alive. */
  Set<String> liveRunIds() {
    Set<String> out = new HashSet<>();
    try {
      FileSystem fs = fs();
      Path root = new Path(warehouse.leasesPath());
      if (!fs.exists(root)) {
        return out;
      }
      for (FileStatus run : fs.listStatus(root)) {
        latest(fs, run.getPath())
            .filter(s -> s.holder() != null && alive(s))
            .ifPresent(s -> out.add(s.holder().runId()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("leases of " + warehouse.root(), e);
    }
  }

  /**
   * Takes the run's lease for this process and starts its heartbeat; refused, naming the holder,
   * while a live driver holds it. A lost lease is taken over. {@code onLost} hears when another
   * driver took the lease over (this driver's heartbeat stalled past the timeout).
   */
  public Lease acquire(String runId, Consumer<String> onLost) {
    return acquire(LeaseHolder.thisProcess(runId), onLost);
  }

  Lease acquire(LeaseHolder self, Consumer<String> onLost) {
    String runId = self.runId();
    Optional<State> current = latest(runId);
    current.filter(this::alive).ifPresent(s -> refuse(runId, s));
    long generation = current.map(s -> s.generation() + 1).orElse(1L);
    try {
      FileSystem fs = fs();
      Path lease = file(runId, generation, LEASE);
      if (!LeaseFile.createExclusively(fs, lease, LeaseFile.encode(self))) {
        // another driver took this generation a moment ago
        refuse(runId, latest(runId).orElseThrow());
      }
      Lease held =
          new Lease(
              fs,
              self,
              generation,
              file(runId, generation, BEAT),
              this,
              timeout.dividedBy(6),
              onLost);
      try {
        held.beat();
      } catch (IOException | RuntimeException e) {
        held.close(); // the run is not taken: a retry need not wait for this lease to age
        throw e;
      }
      return held;
    } catch (IOException e) {
      throw new UncheckedIOException("lease of run " + runId, e);
    }
  }

  private static void refuse(String runId, State s) {
    LeaseHolder h = s.holder();
    long age = Duration.between(s.heartbeatAt(), Instant.now()).toSeconds();
    if (h == null) {
      throw new IllegalArgumentException(
          "run " + runId + " is being started by another driver (" + age + " s ago)");
    }
    throw new IllegalArgumentException(
        String.format(
            "run %s is running: its driver on %s (pid %d) holds it since %s, last heartbeat %d s"
                + " ago; wait for it to end or stop that driver",
            runId,
            h.host(),
            h.pid(),
            h.since().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
            Math.max(0, age)));
  }

  boolean alive(State s) {
    if (s.holder() != null && !s.holder().mayBeAlive(thisHost)) {
      return false;
    }
    return Duration.between(s.heartbeatAt(), Instant.now()).compareTo(timeout) < 0;
  }

  /** The highest generation of a run's lease, if it ever had one. */
  Optional<State> latest(String runId) {
    try {
      return latest(fs(), runFolder(runId));
    } catch (IOException e) {
      throw new UncheckedIOException("lease of run " + runId, e);
    }
  }

  private Optional<State> latest(FileSystem fs, Path folder) throws IOException {
    if (!fs.exists(folder)) {
      return Optional.empty();
    }
    // one listing gives the generations and the modification times (the heartbeat)
    Map<String, FileStatus> files = new HashMap<>();
    long generation = 0;
    for (FileStatus f : fs.listStatus(folder)) {
      String name = f.getPath().getName();
      files.put(name, f);
      if (name.endsWith(LEASE)) {
        generation = Math.max(generation, Long.parseLong(name.substring(0, name.length() - 6)));
      }
    }
    if (generation == 0) {
      return Optional.empty();
    }
    FileStatus lease = files.get(name(generation, LEASE));
    FileStatus beat = files.get(name(generation, BEAT));
    long beatAt = beat == null ? 0 : beat.getModificationTime();
    Instant heartbeat = Instant.ofEpochMilli(Math.max(beatAt, lease.getModificationTime()));
    try {
      return Optional.of(new State(generation, LeaseFile.decode(fs, lease.getPath()), heartbeat));
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty(); // released while we looked
    }
  }

  /** Deletes the files of generations up to {@code generation}: the released lease and older. */
  void release(FileSystem fs, String runId, long generation) throws IOException {
    Path folder = runFolder(runId);
    for (FileStatus f : fs.listStatus(folder)) {
      String name = f.getPath().getName();
      String number = name.substring(0, name.indexOf('.') < 0 ? name.length() : name.indexOf('.'));
      if (number.matches("\\d+") && Long.parseLong(number) <= generation) {
        fs.delete(f.getPath(), false);
      }
    }
  }

  /** True once another driver took generation + 1 of the run's lease. */
  boolean takenOver(FileSystem fs, String runId, long generation) throws IOException {
    return fs.exists(file(runId, generation + 1, LEASE));
  }

  FileSystem fs() throws IOException {
    Path root = new Path(warehouse.leasesPath());
    return root.getFileSystem(warehouse.hadoopConfiguration());
  }

  Path file(String runId, long generation, String suffix) {
    return new Path(runFolder(runId), name(generation, suffix));
  }

  private static String name(long generation, String suffix) {
    return String.format("%010d%s", generation, suffix);
  }

  /** A folder name for any run id: letters, digits, '-' and '_' kept, other bytes as ~XX. */
  private Path runFolder(String runId) {
    StringBuilder b = new StringBuilder();
    for (byte c : runId.getBytes(StandardCharsets.UTF_8)) {
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_') {
        b.append((char) c);
      } else {
        b.append(String.format("~%02X", c & 0xff));
      }
    }
    return new Path(warehouse.leasesPath(), b.toString());
  }
}
