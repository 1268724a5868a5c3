package org.moodnas.spark;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * The tasks of one run's jobs still running on executors, from Spark's events. A cancelled job ends
 * on the driver at once, but its task goes on until the training sees the stop and returns (it
 * writes its checkpoint first): the driver must not exit before that, or the executors go with it.
 */
final class RunningTasks extends SparkListener {

  private static final String JOB_GROUP = "spark.jobGroup.id";

  private final String group;
  private final Set<Integer> jobs = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Boolean> stages = new ConcurrentHashMap<>();
  private int running;
  private int jobsEnded;

  /** The tasks of the jobs in job group {@code group} (the run's id). */
  RunningTasks(String group) {
    this.group = group;
  }

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    if (start.properties() != null && group.equals(start.properties().getProperty(JOB_GROUP))) {
      jobs.add(start.jobId());
      scala.collection.Iterator<Object> ids = start.stageIds().iterator();
      while (ids.hasNext()) {
        stages.put((Integer) ids.next(), true);
      }
    }
  }

  @Override
  public synchronized void onTaskStart(SparkListenerTaskStart start) {
    if (stages.containsKey(start.stageId())) {
      running++;
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    if (stages.containsKey(end.stageId())) {
      running--;
      notifyAll();
    }
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd end) {
    if (jobs.contains(end.jobId())) {
      jobsEnded++;
      notifyAll();
    }
  }

  /**
   * Waits until {@code submitted} jobs of the group have ended and none of their tasks runs, or
   * until {@code deadline}; returns the tasks still running. Spark posts a job's end after its
   * tasks' starts, so once every submitted job's end is seen, no task start is still on its way.
   */
  synchronized int awaitIdle(int submitted, Instant deadline) throws InterruptedException {
    while (jobsEnded < submitted || running > 0) {
      long ms = Duration.between(Instant.now(), deadline).toMillis();
      if (ms <= 0) {
        return Math.max(running, submitted - jobsEnded);
      }
      wait(ms);
    }
    return 0;
  }
}
