package org.moodnas.analysis;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvaluationSetting;
import org.moodnas.core.LatencySpec;
import org.moodnas.core.ProfileRecord;
import org.moodnas.profile.Profiler;
import org.moodnas.profile.SearchedNetwork;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeNames;
import org.moodnas.store.AnalysisInputs;
import org.moodnas.store.Profiles;
import org.moodnas.store.Warehouse;

/**
 * Profiles, here on the driver, the genotypes a search run found that {@code profiles} has no row
 * for at its dataset's evaluation setting ({@link EvaluationSetting}: 36 channels and 20 cells, on
 * ImageNet 48 and 14 with 1000 classes): a sweep records sizes, not FLOPs or latency, and its
 * result table would show them missing.
 */
final class MissingProfiles {

  /** The source of the rows recorded. */
  static final String SOURCE = "analyse";

  private MissingProfiles() {}

  /** Profiles and records the missing genotypes; returns how many. */
  static int record(
      Warehouse warehouse,
      String searchRun,
      DatasetKind dataset,
      LatencySpec latency,
      PrintWriter log) {
    EvaluationSetting setting = EvaluationSetting.of(dataset);
    AnalysisInputs inputs = new AnalysisInputs(warehouse);
    Set<String> profiled =
        new HashSet<>(
            inputs
                .profiles()
                .where(
                    col("init_channels")
                        .equalTo(setting.initChannels())
                        .and(col("layers").equalTo(setting.layers()))
                        .and(col("classes").equalTo(setting.classes())))
                .select("genotype_hash")
                .as(Encoders.STRING())
                .collectAsList());
    List<Row> trials =
        inputs
            .searchTrials()
            .where(col("run_id").equalTo(searchRun))
            .orderBy("trial_index")
            .select("objective", "reg_weight", "genotype")
            .collectAsList();
    if (trials.isEmpty()) {
      return 0;
    }
    List<String> names =
        GenotypeNames.names(
            trials.get(0).getString(0), trials.stream().map(r -> r.getDouble(1)).toList());
    List<Integer> todo = new ArrayList<>();
    Set<String> seen = new HashSet<>(profiled);
    for (int i = 0; i < trials.size(); i++) {
      String json = trials.get(i).getString(2);
      if (json != null && seen.add(Genotype.fromJson(json).hash())) {
        todo.add(i);
      }
    }
    Profiler profiler = new Profiler();
    List<ProfileRecord> records = new ArrayList<>();
    for (int i : todo) {
      log.printf(
          "analyse: profiling %s (%d/%d): params, FLOPs%s%n",
          names.get(i),
          records.size() + 1,
          todo.size(),
          latency == null ? "" : ", latency on " + latency.device());
      log.flush();
      Genotype g = Genotype.fromJson(trials.get(i).getString(2));
      records.add(profiler.profile(SearchedNetwork.of(g, dataset), names.get(i), latency, SOURCE));
    }
    if (!records.isEmpty()) {
      new Profiles(warehouse).record(records);
    }
    return records.size();
  }
}
