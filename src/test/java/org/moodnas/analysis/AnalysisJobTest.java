package org.moodnas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.analysis.frames.RunAnalysis;
import org.moodnas.core.BatchSizing;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.EvalCandidate;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.Latency;
import org.moodnas.core.LatencySpec;
import org.moodnas.core.NetworkKind;
import org.moodnas.core.ProfileRecord;
import org.moodnas.core.ProfilingSpec;
import org.moodnas.core.RunKind;
import org.moodnas.core.RunStatus;
import org.moodnas.core.SweepSpec;
import org.moodnas.core.TrainJobSpec;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.EvalRecords;
import org.moodnas.store.Profiles;
import org.moodnas.store.ResultTables;
import org.moodnas.store.RunRecord;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Warehouse;
import org.moodnas.testing.HeadlessChromium;
import org.moodnas.testing.TinyFashionMnist;
import org.moodnas.testing.Trials;

/**
 * A search run with a failed trial, a train run with a failed evaluation, and profiles of one
 * genotype only: the analysis keeps every model, leaves what is missing null and says what.
 *
 * <p>Long: the one fixture, analysed once (minutes), serves every test of what the analysis
 * derives, writes and shows.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisJobTest {

  @TempDir static Path dir;
  private Warehouse wh;
  private AnalysisJob.Analysed analysed;
  private final StringWriter log = new StringWriter();
  private final GenotypeRegistry registry = GenotypeRegistry.bundled();

  // Long: one fixture of runs with every kind of gap, analysed once for all the tests.
  @BeforeAll
  void analyseRunsWithGaps() {
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    wh = new Warehouse(spark, dir.resolve("wh").toString());
    // the runs as the runs table would give them back: analyse reads their settings, not the table
    RunRecord s =
        new RunRecord(
            "s",
            RunKind.SEARCH,
            RunStatus.DONE,
            SweepSpec.of(TinyFashionMnist.search(), FanOutSpec.sequential()));
    SearchRecords search = new SearchRecords(wh);
    Instant now = Instant.now();
    search.recordTrial("s", 0, Trials.ok(0.1, 1.0, 2.0, registry.get("l2_loss_1e01")), 1, now, now);
    search.recordTrial("s", 1, Trials.ok(0, 3.0, 1.0, registry.get("PC_DARTS_cifar")), 1, now, now);
    search.recordTrial("s", 2, Trials.failed(0.05, "diverged"), 1, now, now);
    TrainJobSpec trainSpec =
        new TrainJobSpec(
            TinyFashionMnist.eval(),
            List.of(),
            "s",
            true,
            BatchSizing.DEFAULT,
            FanOutSpec.sequential(),
            ProfilingSpec.DEFAULT);
    RunRecord t = new RunRecord("t", RunKind.TRAIN, RunStatus.DONE, trainSpec);
    EvalRecords evals = new EvalRecords(wh);
    Genotype good = registry.get("l2_loss_1e01");
    // with top-5 accuracies, as an ImageNet evaluation records them
    EvalEpoch epoch = new EvalEpoch(0, 0.025, 1.5, 0.4, 1.4, 0.5, 0.75, 1.3, 0.55, 0.8, 0, 2.0);
    evals.record(
        "t",
        new EvalCandidate("l2_loss_1e01", good, "s", 0.1),
        trainSpec.eval(),
        EvalResult.ok(good, 1000, List.of(epoch), null, "cpu", 32, 2.0),
        now,
        now);
    Genotype bad = registry.get("PC_DARTS_cifar");
    evals.record(
        "t",
        new EvalCandidate("l2_loss_0e00", bad, "s", 0.0),
        trainSpec.eval(),
        EvalResult.failed(bad, "out of memory", null, List.of(), "cpu", 32, 1.0),
        now,
        now);
    // still training: its first two epochs are recorded, its row is not (nor that of search
    // trial 3, running too)
    evals.recordEpochs(
        "t",
        "DARTS_V2",
        List.of(
            new EvalEpoch(0, 0.025, 2.0, 0.2, 1.9, 0.3, null, 1.9, 0.3, null, 0, 2.0),
            new EvalEpoch(1, 0.02, 1.8, 0.3, 1.7, 0.35, null, 1.7, 0.35, null, 0, 2.0)));
    search.recordEpochs("s", 3, List.of(Trials.epoch(0)));
    int channels = trainSpec.eval().training().initChannels();
    int layers = trainSpec.eval().training().layers();
    new Profiles(wh)
        .record(
            List.of(
                profile(good, channels, layers, 1000, 17.0),
                profile(good, 36, 20, 1_500_000, null)));
    analysed = new AnalysisJob(wh, new PrintWriter(log)).run(s, t, List.of(), true);
  }

  private static ProfileRecord profile(
      Genotype g, int channels, int layers, long params, Double latencyMs) {
    Latency latency =
        latencyMs == null
            ? null
            : new Latency(latencyMs, LatencySpec.defaults(DeviceSpec.CPU), "cpu (1 thread)");
    return new ProfileRecord(
        g,
        null,
        NetworkKind.CIFAR,
        channels,
        layers,
        10,
        params,
        params + 10,
        5000,
        latency,
        "test",
        Instant.now());
  }

  private Map<String, Row> rows(String kind) {
    RunAnalysis a =
        analysed.runs().stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow();
    return a.results().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("model_name"), r -> r));
  }

  @Test
  void aFailedSearchTrialIsKeptWithItsFiguresMissingAndSaysWhy() {
    Map<String, Row> search = rows("search");
    assertThat(search).containsOnlyKeys("l2_loss_1e01", "l2_loss_0e00", "l2_loss_5e02");
    Row failed = search.get("l2_loss_5e02");
    assertThat(failed.<Object>getAs("search_criterion_loss")).isNull();
    assertThat(failed.<Object>getAs("params")).isNull();
    assertThat(failed.<String>getAs("missing")).isEqualTo("search failed: diverged");
    // profiled at 36/20 without latency, evaluated in t
    Row found = search.get("l2_loss_1e01");
    assertThat(found.<Long>getAs("params")).isEqualTo(1_500_000L);
    assertThat(found.<Double>getAs("test_acc"))
        .isCloseTo(55.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(found.<Double>getAs("test_top5"))
        .isCloseTo(80.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(found.<Object>getAs("valid_top5")).isNull();
    assertThat(found.<String>getAs("missing")).isEqualTo("no latency");
    assertThat(search.get("l2_loss_0e00").<String>getAs("missing"))
        .isEqualTo("no profile; not evaluated");
  }

  @Test
  void aFailedEvaluationIsKeptWithItsFiguresMissingAndSaysWhy() {
    Map<String, Row> train = rows("train");
    Row ok = train.get("l2_loss_1e01");
    assertThat(ok.<Double>getAs("latency_cpu_ms")).isEqualTo(17.0);
    assertThat(ok.<Double>getAs("search_criterion_loss")).isEqualTo(2.0);
    assertThat(ok.<String>getAs("missing")).isNull();
    assertThat(new double[] {ok.<Double>getAs("valid_top5"), ok.<Double>getAs("test_top5")})
        .containsExactly(new double[] {75.0, 80.0}, org.assertj.core.data.Offset.offset(1e-9));
    Row failed = train.get("l2_loss_0e00");
    assertThat(failed.<Object>getAs("test_acc")).isNull();
    assertThat(failed.<Object>getAs("test_top5")).isNull();
    assertThat(failed.<Double>getAs("search_criterion_loss")).isEqualTo(1.0);
    assertThat(failed.<String>getAs("missing"))
        .isEqualTo("evaluation failed: out of memory; no profile");
    assertThat(log.toString()).contains("train t: 2 models, 1 with missing figures");
  }

  @Test
  void aGenotypeStillTrainingShowsItsCurveSoFarAndNoResultRow() {
    assertThat(rows("train")).doesNotContainKey("DARTS_V2");
    assertThat(rows("search")).hasSize(3); // trial 3 runs: no result yet
    assertThat(
            analysed.epochs().orderBy("arch", "epoch").collectAsList().stream()
                .map(r -> r.getAs("arch") + "@" + r.getAs("epoch"))
                .toList())
        .containsExactly("DARTS_V2 (unfinished)@0", "DARTS_V2 (unfinished)@1", "l2_loss_1e01@0");
    assertThat(log.toString())
        .contains("1 genotype(s) with epochs but no result yet")
        .contains(": DARTS_V2");
  }

  @Test
  void frontsLeaveModelsWithoutAnObjectiveUnmarked() {
    RunAnalysis search = analysed.runs().get(0);
    List<Row> marks =
        search.fronts().where("front = 'search'").orderBy("model_name").collectAsList();
    assertThat(marks)
        .extracting(r -> r.getAs("model_name") + ":" + r.getAs("dominated"))
        .containsExactly("l2_loss_0e00:false", "l2_loss_1e01:false", "l2_loss_5e02:null");
  }

  /**
   * Counts, once the page loaded, the figures by caption, the tables by caption, and per cell
   * diagram its operation edges, their labels and its arrows into c_{k}.
   */
  private static final String PROBE =
      """
      window.addEventListener('load', function () {
        function texts(selector) {
          return Array.prototype.map.call(document.querySelectorAll(selector), function (e) {
            return e.textContent;
          }).join('|');
        }
        var body = document.body;
        body.setAttribute('data-figures', texts('figcaption'));
        body.setAttribute('data-captions', texts('caption'));
        body.setAttribute('data-cells',
            Array.prototype.map.call(document.querySelectorAll('svg.cell'), function (svg) {
              var box = svg.getBoundingClientRect();
              return svg.querySelectorAll('g.op-edge').length + '/'
                  + svg.querySelectorAll('text.op-label').length + '/'
                  + svg.querySelectorAll('g.concat-edge').length + '/'
                  + (box.width > 0 && box.height > 0);
            }).join(' '));
        var loaded = Array.prototype.filter.call(document.images, function (i) {
          return i.complete && i.naturalWidth > 0;
        });
        body.setAttribute('data-images', document.images.length + '/' + loaded.length);
      });
      """;

  @Test
  void publishedSearchTableKeepsTheNonDominatedTrialsNamedAmongThemselves() {
    RunAnalysis search = analysed.runs().get(0);
    assertThat(search.publishedSearch().collectAsList())
        .extracting(r -> r.getString(0) + "@" + r.getDouble(1))
        .containsExactly("l2_loss_1e01@0.1", "l2_loss_0e00@0.0");
    // the train run's table: ν, search and test accuracy, ... as analyse_train_logs.py picks them
    RunAnalysis train = analysed.runs().get(1);
    assertThat(train.publishedSpearman().names())
        .containsExactly("nu", "size_mb", "flops", "search_acc", "valid_acc", "test_acc");
    // of the search table's two trials, ν 0.1 has the lower regularization loss: ρ = −1, shown 1
    int nu = search.publishedSpearman().names().indexOf("nu");
    int reg = search.publishedSpearman().names().indexOf("search_reg_loss");
    assertThat(search.publishedSpearman().values()[nu][reg]).isEqualTo(1.0);
    assertThat(
            search.spearman()
                .values()[search.spearman().names().indexOf("nu")][
                search.spearman().names().indexOf("search_reg_loss")])
        .isCloseTo(-1.0, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void theReportShowsThePublishedPlotsTablesAndEveryGenotypesCells() throws Exception {
    HeadlessChromium.require();
    Path out = dir.resolve("rendered");
    AnalysisFiles.write(analysed, out);
    String dom = HeadlessChromium.renderedDomWithProbe(out.resolve("report.html"), PROBE);
    assertThat(attribute(dom, "data-figures"))
        .contains(
            "Search accuracy (%) against ν, every model with both (a plot of analyse_search_logs")
        .contains("Model size (MB of parameters) against ν")
        .contains("Validation loss against search cross-entropy loss")
        .contains("Validation error (%) against search error (%)")
        .contains("Validation accuracy (%) against ν")
        .contains("Test accuracy (%) against ν")
        .contains("Top-5 held-out accuracy per epoch")
        .contains("Absolute Spearman rank correlation")
        .contains("Normal cell of l2_loss_1e01")
        .contains("Reduction cell of l2_loss_0e00");
    assertThat(attribute(dom, "data-captions"))
        .contains("Absolute Spearman correlation as the published analysis computes it")
        .contains("Spearman correlation over")
        .contains("Search table of s as the published analysis writes it: the 2 trials");
    // two genotypes (l2_loss_1e01's and PC_DARTS_cifar's, found at ν = 0): four cells, each
    // with 8 operations labelled and its 4 nodes into c_{k}, drawn with a size
    assertThat(attribute(dom, "data-cells"))
        .isEqualTo("8/8/4/true 8/8/4/true 8/8/4/true 8/8/4/true");
    String[] images = attribute(dom, "data-images").split("/");
    assertThat(images[1]).isEqualTo(images[0]);
    assertThat(out.resolve("search_table_published.csv")).exists();
    assertThat(out.resolve("train_correlations_published.csv")).exists();
    Path png = Path.of("target/report-screenshots/analysis-cells.png");
    Files.createDirectories(png.getParent());
    Files.copy(
        out.resolve("report.html"),
        png.resolveSibling("analysis-cells.html"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static String attribute(String dom, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as("%s in the rendered page", name).isTrue();
    return m.group(1);
  }

  @Test
  void writesTheTablesChartsAndReportAndRecordsTheResultTables() throws Exception {
    Path out = dir.resolve("out");
    List<Path> files = AnalysisFiles.write(analysed, out);
    assertThat(files.get(files.size() - 1)).isEqualTo(out.resolve("report.html"));
    assertThat(out.resolve("search_results.csv")).exists();
    List<String> csv = Files.readAllLines(out.resolve("train_results.csv"));
    assertThat(csv).hasSize(3);
    assertThat(csv.get(0)).startsWith("run_id,kind,model_name,nu,size_mb,train_loss");
    assertThat(out.resolve("training_accuracy.png")).exists();
    assertThat(out.resolve("search_search_front.png")).exists();
    try (var leftovers = Files.list(out)) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }
    // the top-5 columns are in the report's result and budget tables: this run records them
    String report = Files.readString(out.resolve("report.html"));
    for (String caption : List.of("Result table of t", "Result table of s", "Best model per")) {
      int start = report.indexOf("<caption>" + caption);
      assertThat(start).as(caption).isNotNegative();
      String table = report.substring(start, report.indexOf("</table>", start));
      assertThat(table).as(caption).contains("test_top5");
    }
    assertThat(report).contains("valid_top5");
    assertThat(new ResultTables(wh).read("t").where("test_top5 = 80").count()).isEqualTo(1);
    assertThat(new ResultTables(wh).read("t").count()).isEqualTo(2);
    assertThat(new ResultTables(wh).read("s").count()).isEqualTo(3);
  }
}
