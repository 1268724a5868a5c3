package org.moodnas.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a master and workers as separate JVMs, run
 * from the Spark jars Maven resolved, laid out as SPARK_HOME/jars. Like a Spark distribution, that
 * folder lacks what mood-nas brings itself (DJL, Delta, picocli, JFreeChart, …): those are in the
 * one application jar jobs/mood-nas-submit submits. Each worker has one core and reports one fake
 * GPU through a discovery script; the workers share one work folder (SPARK_WORKER_DIR), where a
 * driver in cluster deploy mode writes its console output.
 */
final class StandaloneCluster implements AutoCloseable {

  /**
   * The runtime dependencies (file name prefixes in target/lib) a Spark 4.1 distribution does not
   * have: the ones the application jar bundles (pom.xml's shade includes; SparkJarIT checks the two
   * agree). The rest of target/lib is Spark's.
   */
  static final List<String> NOT_IN_SPARK =
      List.of(
          "api-0.36",
          "pytorch-",
          "jna-",
          "delta-",
          "picocli-",
          "jfreechart-",
          "imageio-",
          "common-image-",
          "common-io-",
          "common-lang-");

  /**
   * JVM option for the tests' short-lived processes (cluster daemons, executors, drivers): only the
   * quick C1 compiler. On 2 cores, C2's compile threads compete with the work of JVMs that live a
   * minute: ClusterIT took 198 s instead of 257 s with it (CPU 4.3 instead of 7.1 min). The
   * long-lived Surefire JVM is faster with C2 and keeps it.
   */
  static final String QUICK_JVM = "-XX:TieredStopAtLevel=1";

  /** The discovery script reporting one fake GPU, in SPARK_HOME. */
  private static final String GPUS = "discover-gpus.sh";

  private final Path home;
  private final int port;
  private final List<Process> processes = new ArrayList<>();

  private StandaloneCluster(Path home, int port) {
    this.home = home;
    this.port = port;
  }

  /** Starts a master and {@code workers} workers of one core each; waits until all registered. */
  static StandaloneCluster start(Path root, Path dir, int workers, String workerMemory)
      throws IOException, InterruptedException {
    return start(root, dir, workers, 1, workerMemory);
  }

  /** Starts a master and {@code workers} workers of {@code cores} cores and one fake GPU each. */
  static StandaloneCluster start(Path root, Path dir, int workers, int cores, String workerMemory)
      throws IOException, InterruptedException {
    Path home = sparkHome(root, dir);
    StandaloneCluster c = new StandaloneCluster(home, freePort());
    List<String> flags = new ArrayList<>(jvmFlags(root));
    flags.add(QUICK_JVM);
    Path masterLog = dir.resolve("master.log");
    c.launch(
        flags,
        List.of(
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(c.port),
            "--webui-port",
            String.valueOf(freePort())),
        masterLog);
    for (int i = 0; i < workers; i++) {
      List<String> workerFlags = new ArrayList<>(flags);
      workerFlags.add("-Dspark.worker.resource.gpu.amount=1");
      workerFlags.add("-Dspark.worker.resource.gpu.discoveryScript=" + home.resolve(GPUS));
      c.launch(
          workerFlags,
          List.of(
              "org.apache.spark.deploy.worker.Worker",
              "--host",
              "127.0.0.1",
              "--cores",
              String.valueOf(cores),
              "--memory",
              workerMemory,
              "--webui-port",
              String.valueOf(freePort()),
              "--work-dir",
              c.workDir().toString(),
              c.masterUrl()),
          dir.resolve("worker-" + i + ".log"));
    }
    c.awaitWorkers(masterLog, workers);
    return c;
  }

  /** A SPARK_HOME whose jars/ links the Spark jars Maven resolved, with a GPU discovery script. */
  static Path sparkHome(Path root, Path dir) throws IOException {
    Path home = dir.resolve("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    try (Stream<Path> lib = Files.list(root.resolve("target/lib"))) {
      for (Path jar : lib.toList()) {
        String name = jar.getFileName().toString();
        if (NOT_IN_SPARK.stream().noneMatch(name::startsWith)) {
          Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
        }
      }
    }
    Path gpus = home.resolve(GPUS);
    Files.writeString(gpus, "#!/bin/sh\necho '{\"name\":\"gpu\",\"addresses\":[\"0\"]}'\n");
    Files.setPosixFilePermissions(gpus, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  private void awaitWorkers(Path masterLog, int workers) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (registeredWorkers(masterLog) < workers) {
      if (System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException(
            "workers did not register within 120 s; see " + masterLog.toAbsolutePath());
      }
      Thread.sleep(500);
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + port;
  }

  Path sparkHome() {
    return home;
  }

  /** The workers' work folder: app-ID/EXECUTOR for executors, driver-ID for drivers. */
  Path workDir() {
    return home.resolveSibling("work");
  }

  /**
   * The environment Spark processes need on this machine (its NIC is not loopback), and where
   * jobs/mood-nas-submit finds a cluster-mode driver's console output.
   */
  Map<String, String> environment() {
    return Map.of(
        "SPARK_HOME",
        home.toString(),
        "SPARK_SCALA_VERSION",
        "2.13",
        "SPARK_LOCAL_IP",
        "127.0.0.1",
        "SPARK_WORKER_DIR",
        workDir().toString());
  }

  /** Kills -9 the executor JVM with Spark executor id {@code id}; false if none runs. */
  static boolean killExecutor(String id) {
    List<ProcessHandle> executors =
        ProcessHandle.allProcesses()
            .filter(
                p -> {
                  String cmd = p.info().commandLine().orElse("");
                  return cmd.contains("CoarseGrainedExecutorBackend")
                      && cmd.contains("--executor-id " + id + " ");
                })
            .toList();
    executors.forEach(ProcessHandle::destroyForcibly);
    return !executors.isEmpty();
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private void launch(List<String> flags, List<String> mainAndArgs, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(flags);
    cmd.add("-cp");
    cmd.add(home.resolve("jars") + "/*");
    cmd.addAll(mainAndArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().putAll(environment());
    processes.add(pb.start());
  }

  private static long registeredWorkers(Path masterLog) throws IOException {
    if (!Files.exists(masterLog)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(masterLog)) {
      return lines.filter(l -> l.contains("Registering worker")).count();
    }
  }

  static List<String> jvmFlags(Path root) throws IOException {
    try (Stream<String> lines = Files.lines(root.resolve("conf/jvm.options"))) {
      return lines.map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
