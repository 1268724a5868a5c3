package org.moodnas.store;

import io.delta.exceptions.DeltaConcurrentModificationException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Delta commit retried when another writer committed first in a way Delta will not reconcile on
 * its own: two drivers creating the same table at once (ProtocolChanged, MetadataChanged), or an
 * update racing an append (ConcurrentAppend). Our appends are idempotent per key, so a retry after
 * a commit that did land is a no-op. Back-off doubles from 50 ms to 2 s, with jitter so that
 * colliding writers spread out; after {@link #ATTEMPTS} attempts the conflict is raised.
 */
final class CommitRetry {

  static final int ATTEMPTS = 10;

  private CommitRetry() {}

  static void run(Runnable commit) {
    long backOffMs = 50;
    for (int attempt = 1; ; attempt++) {
      try {
        commit.run();
        return;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isConflict(e)) {
          throw e;
        }
      }
      sleep(backOffMs + ThreadLocalRandom.current().nextLong(backOffMs));
      backOffMs = Math.min(2_000, backOffMs * 2);
    }
  }

  // Spark may wrap Delta's exception; look down the causes.
  private static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DeltaConcurrentModificationException) {
        return true;
      }
    }
    return false;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a Delta commit", e);
    }
  }
}
