package org.moodnas.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A run's lease held by this driver (see {@link Leases}): a daemon thread rewrites its heartbeat
 * until {@link #close()} releases it. A driver killed with SIGKILL releases nothing; its lease is
 * lost once its heartbeat ages (at once on the same host).
 */
public final class Lease implements AutoCloseable {

  private final FileSystem fs;
  private final LeaseHolder holder;
  private final long generation;
  private final Path beat;
  private final Leases leases;
  private final Consumer<String> onLost;
  private final ScheduledExecutorService heartbeat;
  private volatile boolean lost;

  Lease(
      FileSystem fs,
      LeaseHolder holder,
      long generation,
      Path beat,
      Leases leases,
      Duration period,
      Consumer<String> onLost) {
    this.fs = fs;
    this.holder = holder;
    this.generation = generation;
    this.beat = beat;
    this.leases = leases;
    this.onLost = onLost;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lease-heartbeat " + holder.runId());
              t.setDaemon(true);
              return t;
            });
    long every = period.toMillis();
    heartbeat.scheduleAtFixedRate(this::beatOrNotice, every, every, TimeUnit.MILLISECONDS);
  }

  public LeaseHolder holder() {
    return holder;
  }

  /** Rewrites the heartbeat file: its modification time is the heartbeat. */
  void beat() throws IOException {
    try (OutputStream out = fs.create(beat, true)) {
      out.write(Instant.now().toString().getBytes(StandardCharsets.UTF_8));
    } catch (Error e) {
      // Hadoop's local file system throws a write's IOException as an Error (FSError)
      if (DiskFullException.causedBy(e)) {
        throw new DiskFullException(beat.toString(), e);
      }
      throw e;
    }
  }

  private void beatOrNotice() {
    try {
      if (leases.takenOver(fs, holder.runId(), generation)) {
        lost = true;
        heartbeat.shutdown();
        onLost.accept(
            "the lease of run "
                + holder.runId()
                + " was taken over by another driver: this driver's heartbeat stalled");
        return;
      }
      beat();
    } catch (IOException | DiskFullException e) {
      // a missed heartbeat is tolerated; TIMEOUT spans several
    }
  }

  /** Stops the heartbeat and deletes the lease, unless another driver took it over. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      heartbeat.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!lost) {
      try {
        leases.release(fs, holder.runId(), generation);
      } catch (IOException e) {
        throw new UncheckedIOException("releasing the lease of run " + holder.runId(), e);
      }
    }
  }
}
