package org.moodnas.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A mood-nas command submitted to a {@link StandaloneCluster} by jobs/mood-nas-submit. */
record Submission(int exit, String out, String err) {

  /**
   * Submits {@code command} in client mode (the driver on 127.0.0.1, executors with a GPU each) and
   * waits for it, handing each stderr line to {@code onErrLine} as it comes.
   */
  static Submission run(
      StandaloneCluster cluster,
      Path root,
      Path dir,
      List<String> command,
      Consumer<String> onErrLine)
      throws IOException, InterruptedException {
    return run(cluster, root, dir, List.of(), command, onErrLine);
  }

  /**
   * Submits {@code command} in cluster deploy mode: the driver runs on a worker, the submitter
   * waits for it; {@link #out()} is the driver's console output as the wrapper prints it.
   */
  static Submission inClusterMode(
      StandaloneCluster cluster, Path root, Path dir, List<String> command)
      throws IOException, InterruptedException {
    return run(cluster, root, dir, List.of("--deploy-mode", "cluster"), command, line -> {});
  }

  private static Submission run(
      StandaloneCluster cluster,
      Path root,
      Path dir,
      List<String> submitOptions,
      List<String> command,
      Consumer<String> onErrLine)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "bash",
                root.resolve("jobs/mood-nas-submit").toString(),
                "--master",
                cluster.masterUrl(),
                "--conf",
                "spark.driver.host=127.0.0.1",
                "--conf",
                "spark.driver.bindAddress=127.0.0.1",
                "--conf",
                "spark.executor.memory=1g",
                "--conf",
                "spark.executor.resource.gpu.amount=1",
                // two attempts are enough to see a retry; Spark's four only cost time
                "--conf",
                "spark.task.maxFailures=2",
                "--conf",
                "spark.executor.extraJavaOptions=-Dai.djl.offline=true "
                    + StandaloneCluster.QUICK_JVM));
    cmd.addAll(submitOptions);
    cmd.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(cluster.environment());
    pb.environment().put("MOOD_NAS_JAVA_OPTS", StandaloneCluster.QUICK_JVM);
    Path out = Files.createTempFile(dir, "submit", ".out");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    StringBuilder err = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        err.append(line).append('\n');
        onErrLine.accept(line);
      }
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("spark-submit did not end in 10 minutes:\n" + err);
    }
    return new Submission(p.exitValue(), Files.readString(out), err.toString());
  }
}
