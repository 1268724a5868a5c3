package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.moodnas.store.Checkpoints;
import org.moodnas.store.Checkpoints.Kept;
import org.moodnas.store.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas checkpoints}: what the warehouse keeps under checkpoints/, per run. */
@Command(
    name = "checkpoints",
    mixinStandardHelpOptions = true,
    description = {
      "List what the warehouse keeps under checkpoints/, per run.",
      "For each run: its status in the runs table, its final networks (kept for ensembles) and"
          + " the training states of unfinished trials (deleted once a trial is recorded, all of a"
          + " run's once it ends done). A folder whose run is not in the runs table is an orphan."
    })
final class CheckpointsCommand implements Callable<Integer> {

  private static final String[] COLUMNS = {
    "run", "status", "networks", "networks size", "training states", "training size", "orphan"
  };

  /** Right-aligned: the counts and sizes. */
  private static final boolean[] NUMERIC = {false, false, true, true, true, true, false};

  @Spec CommandSpec spec;

  @Mixin SparkOptions sparkOptions;

  @Option(
      names = "--remove-orphans",
      description =
          "delete the checkpoint folders of runs that are not in the runs table, and say what"
              + " was freed")
  boolean removeOrphans;

  @Override
  public Integer call() {
    Warehouse warehouse = sparkOptions.warehouse();
    warehouse.checkReadable();
    Checkpoints checkpoints = new Checkpoints(warehouse);
    List<Kept> kept = checkpoints.list();
    PrintWriter out = spec.commandLine().getOut();
    if (kept.isEmpty()) {
      out.println("no checkpoints in " + warehouse.root());
    } else {
      print(out, kept);
    }
    List<Kept> orphans = kept.stream().filter(Kept::orphan).toList();
    if (removeOrphans) {
      List<Kept> removed = orphans.isEmpty() ? orphans : checkpoints.removeOrphans();
      long freed = 0;
      for (Kept k : removed) {
        out.printf(
            "removed checkpoints/%s: %s, %s, %s%n",
            k.runId(),
            count(k.networks(), "network"),
            count(k.trainingStates(), "training state"),
            size(k.totalBytes()));
        freed += k.totalBytes();
      }
      out.printf(
          "%s removed, %s freed (%d bytes)%n",
          count(removed.size(), "orphan folder"), size(freed), freed);
    } else if (!orphans.isEmpty()) {
      out.printf(
          "%s (%s): --remove-orphans deletes them%n",
          count(orphans.size(), "orphan folder"),
          size(orphans.stream().mapToLong(Kept::totalBytes).sum()));
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, List<Kept> kept) {
    List<String[]> rows = new ArrayList<>();
    rows.add(COLUMNS);
    int networks = 0;
    int states = 0;
    long networkBytes = 0;
    long stateBytes = 0;
    int orphans = 0;
    for (Kept k : kept) {
      rows.add(
          new String[] {
            k.runId(),
            k.orphan() ? "-" : k.status(),
            String.valueOf(k.networks()),
            size(k.networkBytes()),
            String.valueOf(k.trainingStates()),
            size(k.trainingBytes()),
            k.orphan() ? "yes" : "no"
          });
      networks += k.networks();
      networkBytes += k.networkBytes();
      states += k.trainingStates();
      stateBytes += k.trainingBytes();
      orphans += k.orphan() ? 1 : 0;
    }
    rows.add(
        new String[] {
          "total",
          "",
          String.valueOf(networks),
          size(networkBytes),
          String.valueOf(states),
          size(stateBytes),
          orphans + " of " + kept.size()
        });
    int[] widths = new int[COLUMNS.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        String format = "%" + (NUMERIC[i] ? "" : "-") + widths[i] + "s";
        line.append(i == 0 ? "" : "  ").append(String.format(format, r[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** Bytes in binary units with one decimal: 512 B, 1.5 KiB, 3.2 GiB. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
