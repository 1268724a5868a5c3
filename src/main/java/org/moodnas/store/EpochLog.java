package org.moodnas.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.spark.sql.Row;

/**
 * Appends the epochs of a run's trials (search_epochs, eval_epochs) as they end, each exactly once:
 * per trial it keeps the last epoch recorded (read from the table the first time a trial is met, so
 * a resumed run continues where the killed one stopped) and appends only the epochs after it, in
 * order, as Delta transaction (table, run, trial) at the version of the commit's last epoch. A
 * retried or resumed write of epochs Delta already holds is skipped by Delta; one that a lost
 * commit left behind is caught by {@link Warehouse#append}'s check. Calls for one trial are
 * serialized: epochs arrive from the driver's listener thread while the trial's result may be
 * recorded on another.
 *
 * @param <E> the epoch record
 */
final class EpochLog<E> {

  private final Warehouse warehouse;
  private final Tables table;
  private final String trialColumn;
  private final ToIntFunction<E> number;
  private final Map<String, Trial> trials = new ConcurrentHashMap<>();

  /** One trial's last recorded epoch, null until read from the table. */
  private static final class Trial {
    Integer last;
  }

  /** {@code trialColumn}: the column naming a trial in {@code table} (trial_index, arch). */
  EpochLog(Warehouse warehouse, Tables table, String trialColumn, ToIntFunction<E> number) {
    this.warehouse = warehouse;
    this.table = table;
    this.trialColumn = trialColumn;
    this.number = number;
  }

  /**
   * Appends those of {@code epochs} after the trial's last recorded epoch. While the trial runs
   * ({@code complete} false) only epochs continuing the recorded ones without a gap are taken (a
   * window that starts later waits for the trial's result); with the trial's full list of epochs
   * ({@code complete}) every later one is.
   */
  void append(
      String runId,
      Object trial,
      List<E> epochs,
      boolean complete,
      Function<E, Map<String, Object>> row) {
    if (epochs.isEmpty()) {
      return;
    }
    String key = runId + "/" + trial;
    Trial t = trials.computeIfAbsent(key, k -> new Trial());
    synchronized (t) {
      if (t.last == null) {
        t.last = lastRecorded(runId, trial);
      }
      List<E> sorted = new ArrayList<>(epochs);
      sorted.sort(Comparator.comparingInt(number));
      List<Map<String, Object>> rows = new ArrayList<>();
      int last = t.last;
      for (E e : sorted) {
        int n = number.applyAsInt(e);
        if (n <= last) {
          continue;
        }
        if (!complete && n != last + 1) {
          break;
        }
        rows.add(row.apply(e));
        last = n;
      }
      if (rows.isEmpty()) {
        return;
      }
      warehouse.append(table, rows, key, last, List.of("run_id", trialColumn, "epoch"));
      t.last = last;
    }
  }

  /** The trial's highest recorded epoch, -1 when none is. */
  private int lastRecorded(String runId, Object trial) {
    Row r =
        warehouse
            .read(table)
            .where(col("run_id").equalTo(runId).and(col(trialColumn).equalTo(trial)))
            .agg(max("epoch"))
            .first();
    return r.isNullAt(0) ? -1 : r.getInt(0);
  }
}
