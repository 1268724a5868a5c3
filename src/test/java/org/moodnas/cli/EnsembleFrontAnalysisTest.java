package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.moodnas.store.Tables;

/**
 * The front of ensembles that {@code analyse} of the tiny train run draws from its predictions (the
 * report's rendering of it: {@link AnalyseCommandTest}).
 */
@Tag("slow")
class EnsembleFrontAnalysisTest {

  @Test
  void drawsTheFrontOfEnsemblesBesideTheNetworks() throws Exception {
    Path out = TinyAnalysis.get().out();
    CliRun analyse = TinyAnalysis.get().analyse();
    List<String> lines = Files.readAllLines(out.resolve("train_ensemble_front.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    List<String[]> rows = lines.stream().skip(1).map(l -> l.split(",", -1)).toList();
    Map<String, Double> recorded = new HashMap<>();
    TinyTrainedRuns.get()
        .warehouse()
        .read(Tables.EVAL_TRIALS)
        .where("run_id = 'tiny' AND status = 'ok'")
        .collectAsList()
        .forEach(r -> recorded.put(r.getAs("arch"), r.getAs("test_acc")));
    Map<String, Long> params = new HashMap<>();
    List<String[]> ensembles = new ArrayList<>();
    for (String[] r : rows) {
      String members = r[header.indexOf("members")];
      double top1 = Double.parseDouble(r[header.indexOf("test_top1")]);
      long p = Long.parseLong(r[header.indexOf("params")]);
      if (r[header.indexOf("kind")].equals("network")) {
        // scored from the predictions table: the training's own last test epoch
        assertThat(top1).as(members).isCloseTo(recorded.get(members), within(1e-9));
        params.put(members, p);
      } else {
        assertThat(p).isLessThanOrEqualTo(Long.parseLong(r[header.indexOf("budget")]));
        ensembles.add(r);
      }
    }
    assertThat(params.keySet()).isEqualTo(recorded.keySet());
    // one ensemble per budget: each network's size, and all of them together
    TreeSet<Long> budgets = new TreeSet<>(params.values());
    budgets.add(params.values().stream().mapToLong(Long::longValue).sum());
    assertThat(ensembles.stream().map(r -> Long.parseLong(r[header.indexOf("budget")])))
        .containsExactlyElementsOf(budgets);
    // within the smallest network's size only that network fits: the ensemble is that network
    String[] smallest = ensembles.get(0);
    String alone =
        params.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    assertThat(smallest[header.indexOf("members")]).isEqualTo(alone);
    assertThat(Double.parseDouble(smallest[header.indexOf("test_top1")]))
        .isCloseTo(recorded.get(alone), within(1e-9));
    assertThat(analyse.err()).contains("front of ensembles of 2 networks, greedy selection at 3");
  }
}
