package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.util.List;

/**
 * An ensemble: the train run whose networks it combines, the members, how they are weighted, and
 * where the training set is split (ensemble.py's train_portion): the first part is scored with the
 * training transform, the rest weighs the members. {@code trainPortion} is null in runs recorded
 * before it was (they weighed on the train run's held-out split). {@code budgetParams}: the most
 * parameters a greedy selection could take (null: no budget, or not a selection).
 */
public record EnsembleSpec(
    String trainRun,
    List<String> members,
    EnsembleMode mode,
    DatasetKind data,
    Double trainPortion,
    Long budgetParams)
    implements RunConfig {

  /** ensemble.py's default split of the training set. */
  public static final double DEFAULT_TRAIN_PORTION = 0.9;

  public EnsembleSpec {
    members = List.copyOf(members);
    require(
        trainPortion == null || (trainPortion > 0 && trainPortion <= 1),
        "trainPortion",
        "must be in (0, 1], got " + trainPortion);
    require(
        trainPortion == null || mode == EnsembleMode.UNIFORM || trainPortion < 1,
        "trainPortion",
        "must be below 1 for calculated weights (the rest of the training set weighs the members)");
    require(
        budgetParams == null || (mode == EnsembleMode.GREEDY && budgetParams >= 1),
        "budgetParams",
        "must be ≥ 1 and given to a greedy selection only, got " + budgetParams);
  }

  /** An ensemble without a parameter budget. */
  public EnsembleSpec(
      String trainRun,
      List<String> members,
      EnsembleMode mode,
      DatasetKind data,
      Double trainPortion) {
    this(trainRun, members, mode, data, trainPortion, null);
  }

  @Override
  public RunKind kind() {
    return RunKind.ENSEMBLE;
  }

  @Override
  public String dataset() {
    return data.toString();
  }
}
