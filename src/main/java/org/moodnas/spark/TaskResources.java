package org.moodnas.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;
import org.moodnas.core.InvalidSettingException;

/** What one trial's task asks of the cluster (a GPU or not) and how often Spark tries it. */
public final class TaskResources {

  private TaskResources() {}

  /**
   * A task-only stage-level profile asking the trial's GPUs (one unless {@code gpusPerTrial} says
   * more), or null for CPU trials. Plain local mode never offers GPUs to tasks (they would wait
   * forever), so asking there is an error.
   */
  static ResourceProfile gpuProfile(SparkContext sc, Integer gpusPerTrial) {
    int gpus =
        gpusPerTrial != null
            ? gpusPerTrial
            : sc.getConf().getDouble("spark.executor.resource.gpu.amount", 0) > 0 ? 1 : 0;
    if (gpus == 0) {
      return null;
    }
    checkGpusOffered(sc.master(), gpus);
    if (sc.getConf().getDouble("spark.task.resource.gpu.amount", 0) == gpus) {
      return null; // every task of the application already gets as many
    }
    return new ResourceProfileBuilder()
        .require(
            new TaskResourceRequests()
                .cpus(sc.getConf().getInt("spark.task.cpus", 1))
                .resource("gpu", gpus))
        .build();
  }

  /**
   * Refuses GPU trials on a master that never offers GPUs to tasks (plain local mode, where they
   * would wait forever); commands call it before Spark starts.
   */
  public static void checkGpusOffered(String master, Integer gpusPerTrial) {
    if (gpusPerTrial != null
        && gpusPerTrial > 0
        && (master.startsWith("local[") || master.equals("local"))) {
      throw new InvalidSettingException(
          "gpusPerTrial",
          gpusPerTrial
              + ": Spark's local mode ("
              + master
              + ") never offers GPUs to tasks; run on a cluster whose executors have GPUs");
    }
  }

  /** The cores of local mode (local: 1, local[N]: N, local[*]: the machine's); 1 elsewhere. */
  static int localCores(SparkContext sc) {
    Matcher local = Pattern.compile("local\\[([^,\\]]+)(?:,\\d+)?]").matcher(sc.master());
    if (!local.matches()) {
      return 1;
    }
    return local.group(1).equals("*")
        ? Runtime.getRuntime().availableProcessors()
        : Integer.parseInt(local.group(1));
  }

  /** How many attempts Spark makes of a task before failing its job. */
  static int attemptsAllowed(SparkContext sc) {
    Matcher local = Pattern.compile("local\\[[^,\\]]+(?:,(\\d+))?]").matcher(sc.master());
    if (sc.master().equals("local")) {
      return 1;
    }
    if (local.matches()) {
      return local.group(1) == null ? 1 : Integer.parseInt(local.group(1));
    }
    return sc.getConf().getInt("spark.task.maxFailures", 4);
  }
}
