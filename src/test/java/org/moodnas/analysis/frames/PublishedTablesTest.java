package org.moodnas.analysis.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.ResultColumns;

/**
 * The published result tables imported as result tables: Spearman's matrix equals one computed
 * straight from the CSV (ranks with ties averaged, then Pearson), and the fronts keep exactly the
 * models no other model beats in both objectives.
 */
class PublishedTablesTest {

  private static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SparkSessions.getOrCreate("local[2]");
  }

  private static Path csv(String name) throws URISyntaxException {
    return Path.of(PublishedTablesTest.class.getResource("/published/" + name).toURI());
  }

  /** The CSV as header → column of values (null for an empty cell). */
  private record Csv(List<String> header, List<String[]> rows) {
    static Csv read(Path p) throws IOException {
      List<String> lines = Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList();
      List<String[]> rows = new ArrayList<>();
      lines.stream().skip(1).forEach(l -> rows.add(l.split(",", -1)));
      return new Csv(List.of(lines.get(0).split(",")), rows);
    }

    double[] column(String name) {
      int i = header.indexOf(name);
      return rows.stream().mapToDouble(r -> Double.parseDouble(r[i])).toArray();
    }
  }

  private static double[] ranks(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      int less = 0;
      int equal = 0;
      for (double w : v) {
        less += w < v[i] ? 1 : 0;
        equal += w == v[i] ? 1 : 0;
      }
      r[i] = less + (equal + 1) / 2.0;
    }
    return r;
  }

  private static double pearson(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElseThrow();
    double mb = Arrays.stream(b).average().orElseThrow();
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cifar10_l1_train.csv",
        "cifar10_l2_train.csv",
        "cifar10_l1_l2fix_train.csv",
        "cifar10_l1_l2fix_search.csv",
        "cifar100_l1_l2fix_search.csv",
        "cifar100_l1_l2fix_train.csv"
      })
  void spearmanEqualsRanksCorrelatedStraightFromTheCsv(String name) throws Exception {
    Csv csv = Csv.read(csv(name));
    SpearmanMatrix m =
        Correlations.spearman(
            PublishedTables.read(spark, csv(name).toString(), "p"), ResultColumns.NUMERIC);
    // every numeric column of the CSV is a figure (all vary), and no row has a missing value
    assertThat(m.names()).hasSize(csv.header().size() - 1);
    assertThat(m.rowsUsed()).isEqualTo(csv.rows().size());
    List<String> csvColumns = csv.header().subList(1, csv.header().size());
    for (int i = 0; i < csvColumns.size(); i++) {
      for (int j = 0; j < csvColumns.size(); j++) {
        double expected =
            pearson(ranks(csv.column(csvColumns.get(i))), ranks(csv.column(csvColumns.get(j))));
        int mi = m.names().indexOf(figure(csvColumns.get(i)));
        int mj = m.names().indexOf(figure(csvColumns.get(j)));
        assertThat(m.values()[mi][mj])
            .as("%s vs %s", csvColumns.get(i), csvColumns.get(j))
            .isCloseTo(expected, within(1e-9));
      }
    }
  }

  /** The figure a published header maps to; the same order the CSV has. */
  private static String figure(String header) {
    return switch (header.toLowerCase()) {
      case "weight" -> "nu";
      case "size", "params" -> "size_mb";
      case "search crit loss", "search criterion loss", "search_criterion_loss" ->
          "search_criterion_loss";
      case "search reg loss", "search regularization loss", "search_reg_loss" -> "search_reg_loss";
      case "search valid acc", "search accuracy", "search acc", "search_acc" -> "search_acc";
      case "search train acc" -> "search_train_acc";
      case "parameters" -> "params";
      case "latency gpu" -> "latency_gpu_ms";
      case "latency cpu" -> "latency_cpu_ms";
      default -> header.toLowerCase();
    };
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cifar10_l1_train.csv:test_acc:Parameters",
        "cifar10_l2_train.csv:test_acc:FLOPs",
        "cifar10_l1_l2fix_train.csv:test_acc:Latency GPU",
        "cifar100_l1_l2fix_train.csv:test_acc:Latency CPU",
        "cifar10_l1_l2fix_search.csv:Search crit loss:Search reg loss",
        "cifar100_l1_l2fix_search.csv:Search crit loss:Search reg loss"
      })
  void frontsKeepExactlyTheModelsNoOtherBeats(String spec) throws Exception {
    String[] s = spec.split(":");
    Csv csv = Csv.read(csv(s[0]));
    boolean accuracy = s[1].equals("test_acc");
    double[] y = csv.column(s[1]);
    double[] x = csv.column(s[2]);
    Set<String> expected = new HashSet<>();
    Set<String> beaten = new HashSet<>();
    for (int i = 0; i < x.length; i++) {
      boolean dominated = false;
      for (int j = 0; j < x.length; j++) {
        // accuracy is maximized (test error minimized), losses and costs minimized
        double yi = accuracy ? -y[i] : y[i];
        double yj = accuracy ? -y[j] : y[j];
        dominated |= x[j] <= x[i] && yj <= yi && (x[j] < x[i] || yj < yi);
      }
      (dominated ? beaten : expected).add(csv.rows().get(i)[0]);
    }
    String front =
        switch (s[2]) {
          case "Parameters" -> "params";
          case "FLOPs" -> "flops";
          case "Latency GPU" -> "latency_gpu";
          case "Latency CPU" -> "latency_cpu";
          default -> "search";
        };
    Dataset<Row> fronts =
        Fronts.of(PublishedTables.read(spark, csv(s[0]).toString(), "p"))
            .where("front = '" + front + "'");
    assertThat(names(fronts.where("not dominated"))).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(names(fronts.where("dominated"))).containsExactlyInAnyOrderElementsOf(beaten);
    if (accuracy) {
      assertThat(beaten).isNotEmpty(); // a search's own table is its front, nothing beaten
    }
  }

  private static List<String> names(Dataset<Row> rows) {
    return rows.select("model_name").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }
}
