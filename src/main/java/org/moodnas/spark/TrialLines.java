package org.moodnas.spark;

import java.io.PrintWriter;
import org.moodnas.core.TrialAim;
import org.moodnas.core.TrialResult;
import org.moodnas.pareto.Proposal;
import org.moodnas.spark.executor.TrialTask;

/** The console lines of a sweep's trials: started (and why), done (and with what). */
final class TrialLines {

  private TrialLines() {}

  /** Why a proposal's trial runs, as recorded. */
  static TrialAim aim(Proposal p) {
    return p == null || !p.aimed()
        ? TrialAim.INITIAL
        : new TrialAim(p.speculative(), p.left().weight().nu(), p.right().weight().nu());
  }

  static void started(PrintWriter log, TrialTask task, TrialAim aim) {
    log.printf(
        "trial %d: ν = %.6g, criterion weight %.6g started (%s)%n",
        task.index(), task.weight().nu(), task.weight().criterionWeight(), aim.describe());
    log.flush();
  }

  static void done(PrintWriter log, TrialTask task, TrialResult r) {
    log.printf(
        "trial %d done: ν = %.6g, status %s, reg_loss %.6g, criterion_loss %.6g%s (%.1f s)%n",
        task.index(),
        task.weight().nu(),
        r.status(),
        r.ok() ? r.metrics().regLoss() : null,
        r.ok() ? r.metrics().criterionLoss() : null,
        r.ok() && r.metrics().supernetParams() != null
            ? String.format(", supernet %,d parameters", r.metrics().supernetParams())
            : "",
        r.durationS());
    log.flush();
  }
}
