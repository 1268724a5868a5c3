package org.moodnas.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;

/**
 * What the warehouse keeps under {@code checkpoints/} (layout in docs/checkpoints.md): per run its
 * final networks ({@code ARCH.ckpt}, kept for ensembles) and the training states of its running
 * trials ({@code training/KEY/}). A trial's state is deleted once its result is recorded, a run's
 * once it ends done; a run folder whose run is not in {@code runs} is an orphan. Any Hadoop path.
 */
public final class Checkpoints {

  /**
   * What one run keeps: its networks (count, bytes), its training states (trial folders, bytes),
   * every file of its folder in bytes, and its status as the {@code runs} view shows it (running
   * without a live driver reads lost); {@code status} is null when the run is not recorded.
   */
  public record Kept(
      String runId,
      String status,
      int networks,
      long networkBytes,
      int trainingStates,
      long trainingBytes,
      long totalBytes) {

    /** A folder whose run is not in the {@code runs} table. */
    public boolean orphan() {
      return status == null;
    }
  }

  private static final String NETWORK_SUFFIX = ".ckpt";

  /** The folder of a run's training states, inside its checkpoint folder. */
  private static final String TRAINING_STATES = "training";

  private final Warehouse warehouse;

  public Checkpoints(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Every run folder under {@code checkpoints/}, by run id; empty when there is none. */
  public List<Kept> list() {
    Map<String, String> statuses = statuses();
    try {
      FileSystem fs = fs();
      Path root = new Path(warehouse.checkpointsPath());
      if (!fs.exists(root)) {
        return List.of();
      }
      FileStatus[] runs = fs.listStatus(root);
      Arrays.sort(runs, Comparator.comparing(f -> f.getPath().getName()));
      List<Kept> out = new ArrayList<>();
      for (FileStatus run : runs) {
        if (run.isDirectory()) {
          String id = run.getPath().getName();
          out.add(measure(fs, run.getPath(), id, statuses.get(id)));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("checkpoints of " + warehouse.root(), e);
    }
  }

  /** The run folders whose run is not in {@code runs}. */
  public List<Kept> orphans() {
    return list().stream().filter(Kept::orphan).toList();
  }

  /**
   * Deletes the orphans' folders and returns what they held. The recorded runs are read again right
   * before deleting, so that a run recorded since the listing keeps its folder.
   */
  public List<Kept> removeOrphans() {
    List<Kept> orphans = orphans();
    if (orphans.isEmpty()) {
      return orphans;
    }
    Map<String, String> recorded = statuses();
    List<Kept> removed = new ArrayList<>();
    for (Kept k : orphans) {
      if (!recorded.containsKey(k.runId())) {
        delete(new Path(runPath(warehouse, k.runId())));
        removed.add(k);
      }
    }
    return removed;
  }

  /**
   * Deletes one trial's training state ({@code checkpoints/RUN/training/KEY/}); the driver calls it
   * once the trial's result is recorded. False when there was none.
   */
  public boolean deleteTrialState(String runId, String key) {
    return delete(new Path(warehouse.trainingStatePath(runId, key)));
  }

  /**
   * Deletes every training state of a run ({@code checkpoints/RUN/training/}), for a run that ended
   * done: nothing will resume it. Its networks stay. False when there was none.
   */
  public boolean deleteTrainingStates(String runId) {
    return delete(new Path(trainingStatesPath(warehouse, runId)));
  }

  static String trainingStatePath(Warehouse warehouse, String runId, String key) {
    return trainingStatesPath(warehouse, runId) + "/" + folderName("training state key", key);
  }

  private static String trainingStatesPath(Warehouse warehouse, String runId) {
    return runPath(warehouse, folderName("run id", runId)) + "/" + TRAINING_STATES;
  }

  private static String runPath(Warehouse warehouse, String runId) {
    return warehouse.checkpointsPath() + "/" + runId;
  }

  /**
   * {@code name} when it names one folder inside its parent: a key of ".." or "a/b" would make a
   * deletion reach outside the folder meant.
   */
  private static String folderName(String what, String name) {
    if (name == null
        || name.isEmpty()
        || name.equals(".")
        || name.equals("..")
        || name.contains("/")) {
      throw new IllegalArgumentException(what + " '" + name + "' is not a folder name");
    }
    return name;
  }

  private Kept measure(FileSystem fs, Path dir, String runId, String status) throws IOException {
    int networks = 0;
    long networkBytes = 0;
    for (FileStatus f : fs.listStatus(dir)) {
      if (f.isFile() && f.getPath().getName().endsWith(NETWORK_SUFFIX)) {
        networks++;
        networkBytes += f.getLen();
      }
    }
    int states = 0;
    long stateBytes = 0;
    Path training = new Path(dir, TRAINING_STATES);
    if (fs.exists(training) && fs.getFileStatus(training).isDirectory()) {
      for (FileStatus f : fs.listStatus(training)) {
        if (f.isDirectory()) {
          states++;
        }
      }
      stateBytes = bytesUnder(fs, training);
    }
    return new Kept(runId, status, networks, networkBytes, states, stateBytes, bytesUnder(fs, dir));
  }

  private static long bytesUnder(FileSystem fs, Path dir) throws IOException {
    long total = 0;
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
    while (files.hasNext()) {
      total += files.next().getLen();
    }
    return total;
  }

  /** Run id → status as the {@code runs} view shows it. */
  private Map<String, String> statuses() {
    Map<String, String> out = new HashMap<>();
    for (Row r : new Runs(warehouse).asViewed().select("run_id", "status").collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  private boolean delete(Path p) {
    try {
      FileSystem fs = fs();
      return fs.exists(p) && fs.delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p, e);
    }
  }

  private FileSystem fs() throws IOException {
    return new Path(warehouse.checkpointsPath()).getFileSystem(warehouse.hadoopConfiguration());
  }
}
