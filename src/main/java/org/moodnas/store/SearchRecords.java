package org.moodnas.store;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.moodnas.core.Objective;
import org.moodnas.core.SearchEpoch;
import org.moodnas.core.SearchMetrics;
import org.moodnas.core.TimeSpan;
import org.moodnas.core.TrialAim;
import org.moodnas.core.TrialResult;
import org.moodnas.core.TrialStatus;
import org.moodnas.core.Weight;

/** A sweep's trials and their epochs: search_trials and search_epochs. */
public final class SearchRecords {

  private final Warehouse warehouse;
  private final EpochLog<SearchEpoch> epochs;

  public SearchRecords(Warehouse warehouse) {
    this.warehouse = warehouse;
    this.epochs =
        new EpochLog<>(warehouse, Tables.SEARCH_EPOCHS, "trial_index", SearchEpoch::epoch);
  }

  /**
   * Appends the epochs of a running trial that follow its recorded ones without a gap, each once;
   * safe to call from any thread, with the same epochs again or an overlapping window of them.
   */
  public void recordEpochs(String runId, int trialIndex, List<SearchEpoch> ended) {
    epochs.append(runId, trialIndex, ended, false, e -> epochRow(runId, trialIndex, e));
  }

  /**
   * Appends a finished trial: the epochs of its result not recorded while it ran, then its row; a
   * repeated trial index is skipped.
   */
  public void recordTrial(
      String runId, int trialIndex, TrialResult r, int attempt, Instant started, Instant finished) {
    recordTrial(runId, trialIndex, r, TrialAim.INITIAL, attempt, started, finished);
  }

  /** A finished trial to record: its index, result, why it ran, Spark's attempt, when it ran. */
  public record FinishedTrial(
      int index,
      TrialResult result,
      TrialAim aim,
      int attempt,
      Instant started,
      Instant finished) {}

  /** Records a trial with why it ran ({@code aim}). */
  public void recordTrial(
      String runId,
      int trialIndex,
      TrialResult r,
      TrialAim aim,
      int attempt,
      Instant started,
      Instant finished) {
    recordTrials(runId, List.of(new FinishedTrial(trialIndex, r, aim, attempt, started, finished)));
  }

  /**
   * Records trials that finished together in one commit (one per trial would keep a driver with
   * many slots busy committing while they idle). Each trial's epochs first: a trial row means its
   * epochs are there too. Idempotent per batch: its key is the run and its trial indices, and a
   * recorded trial never runs again.
   */
  public void recordTrials(String runId, List<FinishedTrial> trials) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FinishedTrial t : trials) {
      Map<String, Object> trial = new LinkedHashMap<>();
      trial.put("run_id", runId);
      trial.put("trial_index", t.index());
      trial.putAll(columns(t.result()));
      trial.put("attempt", t.attempt());
      trial.put("started_at", Timestamp.from(t.started()));
      trial.put("finished_at", Timestamp.from(t.finished()));
      trial.put("speculative", t.aim().speculative());
      trial.put("gap_from_nu", t.aim().gapFromNu());
      trial.put("gap_to_nu", t.aim().gapToNu());
      epochs.append(
          runId, t.index(), t.result().epochs(), true, e -> epochRow(runId, t.index(), e));
      rows.add(trial);
    }
    String key =
        runId
            + "/"
            + trials.stream()
                .map(t -> String.valueOf(t.index()))
                .collect(java.util.stream.Collectors.joining("+"));
    warehouse.append(Tables.SEARCH_TRIALS, rows, key, List.of("run_id", "trial_index"));
  }

  /** A trial's search_trials columns that come from its result (not the run's bookkeeping). */
  public static Map<String, Object> columns(TrialResult r) {
    SearchMetrics m = r.metrics();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("objective", r.objective().toString());
    c.put("reg_weight", r.weight().nu());
    c.put("criterion_weight", r.weight().criterionWeight());
    c.put("weight_decay", r.weightDecay());
    c.put("status", r.status().toString());
    c.put("error", r.error());
    c.put("reg_loss", m == null ? null : m.regLoss());
    c.put("criterion_loss", m == null ? null : m.criterionLoss());
    c.put("reg_loss_epoch_mean", m == null ? null : m.regLossEpochMean());
    c.put("criterion_loss_epoch_mean", m == null ? null : m.criterionLossEpochMean());
    c.put("l1_loss", m == null ? null : m.l1Loss());
    c.put("l2_loss", m == null ? null : m.l2Loss());
    c.put("train_acc", m == null ? null : m.trainAcc());
    c.put("valid_acc", m == null ? null : m.validAcc());
    c.put("model_size_mb", m == null ? null : m.modelSizeMb());
    c.put("supernet_params", m == null ? null : m.supernetParams());
    c.put(
        "skipped_images",
        r.epochs().isEmpty() ? null : r.epochs().get(r.epochs().size() - 1).skippedImages());
    c.put("genotype", Columns.json(r.genotype()));
    c.put("device", r.device());
    c.put("duration_s", r.durationS());
    return c;
  }

  private static Map<String, Object> epochRow(String runId, int trialIndex, SearchEpoch e) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("run_id", runId);
    c.put("trial_index", trialIndex);
    c.put("epoch", e.epoch());
    c.put("lr", e.lr());
    c.put("train_loss", e.trainLoss());
    c.put("train_acc", e.trainAcc());
    c.put("criterion_loss", e.criterionLoss());
    c.put("l1_loss", e.l1Loss());
    c.put("l2_loss", e.l2Loss());
    c.put("last_criterion_loss", e.lastCriterionLoss());
    c.put("last_l1_loss", e.lastL1Loss());
    c.put("last_l2_loss", e.lastL2Loss());
    c.put("valid_acc", e.validAcc());
    c.put("genotype", Columns.json(e.genotype()));
    c.put("skipped_images", e.skippedImages());
    c.put("seconds", e.seconds());
    return c;
  }

  /** A run's recorded trials in order of proposal (epochs not included). */
  public List<TrialResult> trials(String runId) {
    return new ArrayList<>(trialsByIndex(runId).values());
  }

  /**
   * A run's recorded trials by trial index. Indices may have gaps: trials run in parallel finish in
   * any order, and a driver that died left those in flight unrecorded.
   */
  public SortedMap<Integer, TrialResult> trialsByIndex(String runId) {
    SortedMap<Integer, TrialResult> out = new TreeMap<>();
    for (Row r :
        warehouse.read(Tables.SEARCH_TRIALS).where(col("run_id").equalTo(runId)).collectAsList()) {
      out.put(r.<Integer>getAs("trial_index"), trial(r));
    }
    return out;
  }

  /** When each of a run's trials ran (started_at to finished_at), in order of proposal. */
  public List<TimeSpan> spans(String runId) {
    List<TimeSpan> out = new ArrayList<>();
    for (Row r :
        warehouse
            .read(Tables.SEARCH_TRIALS)
            .where(col("run_id").equalTo(runId))
            .orderBy("trial_index")
            .select("started_at", "finished_at")
            .collectAsList()) {
      out.add(
          new TimeSpan(
              r.<Timestamp>getAs("started_at").toInstant(),
              r.<Timestamp>getAs("finished_at").toInstant()));
    }
    return out;
  }

  private static TrialResult trial(Row r) {
    Objective objective = Columns.enumOf(Objective.class, r.getAs("objective"));
    TrialStatus status = Columns.enumOf(TrialStatus.class, r.getAs("status"));
    SearchMetrics metrics =
        status == TrialStatus.OK
            ? new SearchMetrics(
                r.<Double>getAs("reg_loss"),
                r.<Double>getAs("criterion_loss"),
                r.getAs("reg_loss_epoch_mean"),
                r.getAs("criterion_loss_epoch_mean"),
                r.getAs("l1_loss"),
                r.getAs("l2_loss"),
                r.getAs("train_acc"),
                r.getAs("valid_acc"),
                r.getAs("model_size_mb"),
                r.getAs("supernet_params"))
            : null;
    return new TrialResult(
        objective,
        new Weight(r.<Double>getAs("reg_weight"), r.<Double>getAs("criterion_weight")),
        r.<Double>getAs("weight_decay"),
        status,
        r.getAs("error"),
        metrics,
        Columns.genotype(r.getAs("genotype")),
        r.getAs("device"),
        List.of(),
        r.<Double>getAs("duration_s"));
  }
}
