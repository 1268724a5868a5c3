package org.moodnas.store;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds a run's lease: the driver process (host, pid, when the process started — a pid alone is
 * reused) and since when it holds it. The token tells two holders in one JVM apart.
 */
public record LeaseHolder(
    String runId, String host, long pid, Instant processStartedAt, Instant since, String token) {

  /** This process, taking the lease of {@code runId} now. */
  static LeaseHolder thisProcess(String runId) {
    ProcessHandle self = ProcessHandle.current();
    // the same clock as the liveness check below reads for other processes
    Instant started =
        self.info()
            .startInstant()
            .orElse(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    return new LeaseHolder(
        runId, hostName(), self.pid(), started, Instant.now(), UUID.randomUUID().toString());
  }

  /**
   * False only when the holder ran on this host and its process is gone (or the pid now belongs to
   * a later process): then the lease is lost at once, without waiting for its heartbeat to age.
   */
  boolean mayBeAlive(String thisHost) {
    if (!host.equals(thisHost)) {
      return true;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    return process.isPresent()
        && process
            .get()
            .info()
            .startInstant()
            .map(start -> Math.abs(start.toEpochMilli() - processStartedAt.toEpochMilli()) < 2_000)
            .orElse(true);
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "unknown-host" : env;
    }
  }
}
