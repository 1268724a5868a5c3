package org.moodnas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.cli.MoodNas;
import picocli.CommandLine;

/**
 * jobs/mood-nas-submit as it splits a command line, without a cluster: it prints the spark-submit
 * command it would run (MOOD_NAS_SUBMIT_DRY_RUN=1). The application is target/classes (a unit test
 * runs before the jar is packaged) and SPARK_HOME/jars links this test's class path.
 */
class SubmitCommandsTest {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path CLASSES = ROOT.resolve("target/classes");

  @TempDir static Path dir;
  static Path sparkHome;

  @BeforeAll
  static void sparkHome() throws IOException {
    sparkHome = dir.resolve("spark-home");
    Path jars = Files.createDirectories(sparkHome.resolve("jars"));
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : cp.split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        Path link = jars.resolve(p.getFileName());
        if (!Files.exists(link)) {
          Files.createSymbolicLink(link, p.toAbsolutePath());
        }
      }
    }
  }

  record Run(int exit, List<String> argv, String err) {}

  private static Run submit(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(List.of("bash", ROOT.resolve("jobs/mood-nas-submit").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile());
    pb.redirectError(dir.resolve("err").toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("MOOD_NAS_JAR", CLASSES.toString());
    env.put("MOOD_NAS_SUBMIT_DRY_RUN", "1");
    env.remove("TCMALLOC_RELEASE_RATE");
    env.remove("MOOD_NAS_JAVA_OPTS");
    Process p = pb.start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("mood-nas-submit did not end in 2 minutes");
    }
    return new Run(
        p.exitValue(),
        Files.readAllLines(dir.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err")));
  }

  /** The arguments after the application jar: the mood-nas command line. */
  private static List<String> application(Run r) {
    int jar = r.argv().indexOf(CLASSES.toString());
    assertThat(jar).as(r.argv().toString()).isPositive();
    return r.argv().subList(jar + 1, r.argv().size());
  }

  @Test
  void everyCommandOfTheCliIsSubmittable() throws Exception {
    List<String> cli = new ArrayList<>(new CommandLine(new MoodNas()).getSubcommands().keySet());
    assertThat(cli).contains("search", "train", "ensemble", "analyse");

    // the wrapper's commands are those it names when given none of them
    Run bogus = submit("--master", "local[1]", "no-such-command");
    assertThat(bogus.exit()).isEqualTo(2);
    String listed = bogus.err().replaceAll("(?s).*\\(one of: ([^)]*)\\).*", "$1").trim();
    assertThat(Arrays.asList(listed.split(" "))).containsExactlyInAnyOrderElementsOf(cli);

    // the command once missing from a hand-kept list: one jar, no --jars, its arguments intact
    Run analyse = submit("--master", "local[1]", "analyse", "--search-run", "s", "--out", "a");
    assertThat(analyse.exit()).as(analyse.err()).isZero();
    assertThat(analyse.argv().subList(0, 3))
        .containsExactly("spark-submit", "--class", "org.moodnas.cli.MoodNas");
    assertThat(analyse.argv()).doesNotContain("--jars");
    assertThat(application(analyse)).containsExactly("analyse", "--search-run", "s", "--out", "a");
  }

  @Test
  void aTrainingCommandPreloadsTcmallocOnExecutorsUnlessTheUserChoseAPreload() throws Exception {
    Run train = submit("--master", "spark://h:7077", "train", "--archs", "DARTS_V2");
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(train.argv())
        .contains(
            "spark.executorEnv.LD_PRELOAD=libtcmalloc_minimal.so.4",
            "spark.executorEnv.TCMALLOC_RELEASE_RATE=0");
    assertThat(application(train)).containsExactly("train", "--archs", "DARTS_V2");

    Run own =
        submit(
            "--master",
            "spark://h:7077",
            "--conf=spark.executorEnv.LD_PRELOAD=libjemalloc.so.2",
            "train-one",
            "--arch",
            "DARTS_V2");
    assertThat(own.exit()).as(own.err()).isZero();
    assertThat(own.argv()).noneMatch(a -> a.contains("tcmalloc"));
    assertThat(own.argv()).contains("spark.executorEnv.LD_PRELOAD=libjemalloc.so.2");

    Run search = submit("--master", "spark://h:7077", "search", "--simulate");
    assertThat(search.argv()).noneMatch(a -> a.contains("LD_PRELOAD"));
  }

  @Test
  void clusterModeOnAStandaloneMasterWaitsForTheDriverStartedWithSparksJvmFlags() throws Exception {
    // "--name train": an option's value that is a command's name is not the command
    Run r =
        submit(
            "--master",
            "spark://h:7077",
            "--deploy-mode",
            "cluster",
            "--name",
            "train",
            "--verbose",
            "ensemble",
            "--train-run",
            "t");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(application(r)).containsExactly("ensemble", "--train-run", "t");
    assertThat(r.argv()).contains("spark.standalone.submit.waitAppCompletion=true");
    String driverOptions = r.argv().get(r.argv().indexOf("--driver-java-options") + 1);
    assertThat(driverOptions)
        .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-Dai.djl.offline=true")
        // a path of the submitting machine means nothing on the worker that runs the driver
        .doesNotContain(ROOT.toString());
    assertThat(r.argv()).noneMatch(a -> a.contains("LD_PRELOAD"));
  }
}
