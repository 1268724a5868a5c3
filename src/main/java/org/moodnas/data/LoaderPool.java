package org.moodnas.data;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that decode images for every training of this JVM: as many as the machine has cores
 * (decoding is CPU work; more threads would only queue), daemons that end after a few idle seconds.
 * Each stream bounds how much it asks in advance, so the queue stays short.
 */
final class LoaderPool {

  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ThreadPoolExecutor POOL = create();

  private LoaderPool() {}

  static <T> Future<T> submit(Callable<T> task) {
    return POOL.submit(task);
  }

  private static ThreadPoolExecutor create() {
    int threads = Runtime.getRuntime().availableProcessors();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "image-loader-" + COUNT.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
