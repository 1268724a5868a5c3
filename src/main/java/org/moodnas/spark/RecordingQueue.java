package org.moodnas.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The recordings of arrived outcomes, run one at a time in arrival order on a thread of their own,
 * so that a fan-out starts its next tasks while a commit is under way (a Delta commit takes a
 * second or more; a slot waiting for it idles). The first recording that fails stops the queue:
 * those after it are dropped, their tasks unrecorded (a resumed run starts them again, as it does
 * tasks in flight), and the failure reaches the loop at its next {@link #check}.
 */
final class RecordingQueue implements AutoCloseable {

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "mood-nas recording");
            t.setDaemon(true);
            return t;
          });
  private final Deque<Future<?>> pending = new ArrayDeque<>();
  private volatile RuntimeException failure;
  private boolean thrown;

  /** Runs {@code recording} after those added before, unless one of them failed. */
  void add(Runnable recording) {
    pending.add(
        thread.submit(
            () -> {
              if (failure != null) {
                return;
              }
              try {
                recording.run();
              } catch (RuntimeException e) {
                failure = e;
              } catch (Error e) {
                failure = new IllegalStateException("recording failed: " + e, e);
              }
            }));
  }

  /** Throws the failure of a recording, as it was thrown, once one failed. */
  void check() {
    RuntimeException f = failure;
    if (f != null) {
      thrown = true;
      throw f;
    }
  }

  /** Waits for every recording added, then {@link #check}s. */
  void drain() throws InterruptedException {
    awaitAll();
    check();
  }

  /**
   * Waits for every recording added; returns the failure of one that {@link #check} did not throw,
   * or null. For a loop that is already failing: what it recorded lands before the run closes.
   */
  RuntimeException awaitAll() throws InterruptedException {
    while (!pending.isEmpty()) {
      try {
        pending.peek().get();
      } catch (ExecutionException e) {
        // the task itself catches what a recording throws
        throw new IllegalStateException(e.getCause());
      }
      pending.poll();
    }
    return thrown ? null : failure;
  }

  @Override
  public void close() {
    thread.shutdown();
  }
}
