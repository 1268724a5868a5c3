package org.moodnas.bench;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.ExecutorMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The executors' memory while something runs, from the metrics they send the driver in their
 * heartbeats and task ends: per executor, the peak of its JVM heap in use (garbage not yet
 * collected included) and of its resident memory (0 unless
 * spark.executor.processTreeMetrics.enabled). The driver's own entry is left out: {@link HeapWatch}
 * measures that JVM; in local mode, where the tasks run in the driver, there are no executors.
 */
public final class ExecutorMemoryWatch extends SparkListener implements AutoCloseable {

  /** One executor's peaks, in bytes. */
  public record Peaks(long heap, long rss) {

    Peaks max(Peaks o) {
      return new Peaks(Math.max(heap, o.heap), Math.max(rss, o.rss));
    }
  }

  private final SparkContext sc;
  private final long heartbeatMs;
  private final Map<String, Peaks> peaks = new TreeMap<>();

  private ExecutorMemoryWatch(SparkContext sc) {
    this.sc = sc;
    this.heartbeatMs = sc.getConf().getTimeAsMs("spark.executor.heartbeatInterval", "10s");
  }

  /** Watches the executors of {@code sc} from now on. */
  public static ExecutorMemoryWatch on(SparkContext sc) {
    ExecutorMemoryWatch w = new ExecutorMemoryWatch(sc);
    sc.addSparkListener(w);
    return w;
  }

  /** Forgets the peaks so far. */
  public synchronized void reset() {
    peaks.clear();
  }

  /**
   * The peaks since the last {@link #reset}, by executor id, after two heartbeats: an executor
   * sends a stage's last peaks with its next heartbeat.
   */
  public Map<String, Peaks> settledPeaks() {
    try {
      Thread.sleep(2 * heartbeatMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      return new TreeMap<>(peaks);
    }
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate u) {
    CollectionConverters.asJava(u.executorUpdates()).values().forEach(m -> record(u.execId(), m));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    if (e.taskExecutorMetrics() != null && e.taskInfo() != null) {
      record(e.taskInfo().executorId(), e.taskExecutorMetrics());
    }
  }

  private synchronized void record(String executor, ExecutorMetrics m) {
    // "driver": Spark's id for the driver's own heartbeat
    if ("driver".equals(executor)) {
      return;
    }
    Peaks p =
        new Peaks(m.getMetricValue("JVMHeapMemory"), m.getMetricValue("ProcessTreeJVMRSSMemory"));
    peaks.merge(executor, p, Peaks::max);
  }

  @Override
  public void close() {
    sc.removeSparkListener(this);
  }
}
