package org.moodnas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Tables;
import org.moodnas.store.Warehouse;
import org.moodnas.testing.TinyFashionMnist;

/**
 * jobs/airflow/mood_nas_dag.py, run as Airflow would run it: Airflow cannot be installed here, so a
 * stand-in for the classes the DAG uses (src/test/resources/airflow/render_dag.py) loads it and
 * renders its tasks' commands with Jinja2; they run here in dependency order through
 * jobs/mood-nas-submit (local master, tiny Fashion-MNIST), then the training task is retried.
 */
class AirflowDagIT {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final String DS = "20260101";

  @TempDir Path dir;

  record Task(String id, int retries, String command) {}

  private List<Task> render(Map<String, String> variables, int tryNumber) throws Exception {
    Process p =
        new ProcessBuilder(
                "python3",
                ROOT.resolve("src/test/resources/airflow/render_dag.py").toString(),
                ROOT.resolve("jobs/airflow/mood_nas_dag.py").toString(),
                new ObjectMapper().writeValueAsString(variables),
                DS,
                String.valueOf(tryNumber))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    // all of it, then parse: a parser that stops at the object's end would cut the pipe
    String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    JsonNode dag = new ObjectMapper().readTree(json);
    List<Task> tasks = new ArrayList<>();
    for (JsonNode t : dag.get("tasks")) {
      tasks.add(
          new Task(t.get("task_id").asText(), t.get("retries").asInt(), t.get("command").asText()));
    }
    return tasks;
  }

  /** A task's command as Airflow's BashOperator runs it: bash -c, in a scratch folder. */
  private Run run(Task task, Path sparkHome) throws IOException, InterruptedException {
    Path cwd = Files.createTempDirectory(dir, task.id());
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", task.command())
            .directory(cwd.toFile())
            .redirectOutput(cwd.resolve("out").toFile())
            .redirectError(cwd.resolve("err").toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("MOOD_NAS_JAVA_OPTS", StandaloneCluster.QUICK_JVM);
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(task.id() + " did not end in 10 minutes");
    }
    return new Run(
        p.exitValue(), Files.readString(cwd.resolve("out")), Files.readString(cwd.resolve("err")));
  }

  record Run(int exit, String out, String err) {}

  @Test
  void theDagsTasksRunInOrderAndARetryRecordsNothingTwice() throws Exception {
    Path warehouse = dir.resolve("warehouse");
    String[] tiny = TinyFashionMnist.args("");
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("mood_nas_home", ROOT.toString());
    variables.put(
        "mood_nas_submit",
        "--master local[2] --conf spark.driver.host=127.0.0.1"
            + " --conf spark.driver.bindAddress=127.0.0.1");
    variables.put("mood_nas_data", String.join(" ", List.of(tiny).subList(1, tiny.length)));
    // δ = 10: the two initial weights cover the front
    variables.put(
        "mood_nas_search", "--arch-warmup-epochs 0 --batch-size 64 --delta 10 --parallelism 2");
    variables.put(
        "mood_nas_train", "--pareto-only --batch-size 32 --train-portion 0.8 --parallelism 2");
    variables.put("mood_nas_warehouse", warehouse.toString());
    Path sparkHome = StandaloneCluster.sparkHome(ROOT, dir);

    List<Task> first = render(variables, 1);
    assertThat(first).extracting(Task::id).containsExactly("search", "train_front", "ensemble");
    assertThat(first).allMatch(t -> t.retries() > 0, "every task is retried by Airflow");
    for (Task t : first) {
      Run r = run(t, sparkHome);
      assertThat(r.exit()).as(t.id() + ":\n" + r.err()).isZero();
    }
    SparkSession spark = SparkSessions.getOrCreate("local[1]");
    Warehouse wh = new Warehouse(spark, warehouse.toUri().toString());
    Map<String, Long> before = counts(wh);
    assertThat(before.get("search_trials")).isEqualTo(2);
    assertThat(before.get("eval_trials")).isPositive();
    assertThat(before.get("ensembles")).isEqualTo(1);
    assertThat(wh.query("SELECT DISTINCT status FROM runs").collectAsList())
        .extracting(row -> row.getString(0))
        .containsExactly("done");

    // Airflow's retry repeats the rendered command: the training finds its run done and records
    // nothing (a retry of a killed search: ChaosIT); the ensemble, one short step, records its try.
    List<Task> second = render(variables, 2);
    Run retry = run(second.get(1), sparkHome);
    assertThat(retry.exit()).as(retry.err()).isZero();
    assertThat(retry.err()).contains("run train-" + DS + " is done: nothing to resume");
    assertThat(counts(wh)).isEqualTo(before);
    assertThat(second.get(2).command()).contains("--run-id ensemble-" + DS + "-2");
  }

  private static Map<String, Long> counts(Warehouse wh) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Tables t : Tables.values()) {
      out.put(t.tableName(), wh.read(t).count());
    }
    return out;
  }
}
