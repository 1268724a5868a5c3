package org.moodnas.spark;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.moodnas.spark.executor.FanOutTask;

/**
 * Cancelling a run's Spark jobs: all of them when the run is asked to stop (SIGTERM), one task's
 * when the job no longer needs it (a speculative trial whose gap closed). Either way the task is
 * only marked killed, its thread never interrupted (see {@link TaskFanOut}), and it ends at its
 * next step boundary.
 */
final class TaskCancellation {

  private final JavaSparkContext jsc;
  private final String runId;
  private final Set<Integer> unneeded = ConcurrentHashMap.newKeySet();

  TaskCancellation(JavaSparkContext jsc, String runId) {
    this.jsc = jsc;
    this.runId = runId;
  }

  /** Tags the jobs this thread submits next with {@code task}, so it can be cancelled alone. */
  void tagThisThread(FanOutTask<?> task) {
    jsc.sc().clearJobTags();
    jsc.sc().addJobTag(tag(task));
  }

  /** Cancels {@code task}'s job, once; its outcome is then the plan's cancelled result. */
  void cancelUnneeded(FanOutTask<?> task) {
    if (unneeded.add(task.index())) {
      jsc.sc().cancelJobsWithTag(tag(task));
    }
  }

  /** Whether {@code task} was cancelled as unneeded. */
  boolean unneeded(FanOutTask<?> task) {
    return unneeded.contains(task.index());
  }

  /** Cancels the run's jobs. */
  void cancelRun() {
    if (jsc.sc().isStopped()) {
      return;
    }
    // only while one is active: Spark warns of a group without active jobs
    Set<Integer> active = new HashSet<>();
    for (int id : jsc.statusTracker().getActiveJobIds()) {
      active.add(id);
    }
    for (int id : jsc.statusTracker().getJobIdsForGroup(runId)) {
      if (active.contains(id)) {
        jsc.sc().cancelJobGroup(runId, "the driver was asked to stop (SIGTERM)");
        return;
      }
    }
  }

  /**
   * While stopping: cancels again, since a job submitted as the stop came can have missed the
   * cancellation; false once the tasks' time is up.
   */
  boolean cancelRunAgain(Preemption stop) {
    if (Instant.now().isAfter(stop.tasksDeadline())) {
      return false;
    }
    cancelRun();
    return true;
  }

  private String tag(FanOutTask<?> task) {
    return "mood-nas/" + runId + "/" + task.index();
  }
}
