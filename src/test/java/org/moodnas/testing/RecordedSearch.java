package org.moodnas.testing;

import java.time.Instant;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.RunStatus;
import org.moodnas.core.SweepSpec;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.store.Runs;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Warehouse;

/**
 * A finished search run as a sweep records it, with published genotypes: ν = 0.1 and 0.06 found the
 * same genotype (as published: l2_loss_1e01 = l2_loss_6e02), ν = 0.03 (DARTS_V2) is dominated by ν
 * = 0.06; the front is ν = 0.1 (l2_loss_1e01) and ν = 0 (PC_DARTS_cifar).
 */
public final class RecordedSearch {

  private RecordedSearch() {}

  public static void record(Warehouse w, String runId) {
    GenotypeRegistry registry = GenotypeRegistry.bundled();
    Runs runs = new Runs(w);
    runs.start(runId, SweepSpec.of(TinyFashionMnist.search(), FanOutSpec.sequential()));
    Object[][] trials = { // ν, genotype, reg_loss, criterion_loss
      {0.1, "l2_loss_1e01", 1.0, 2.0},
      {0.0, "PC_DARTS_cifar", 3.0, 1.0},
      {0.06, "l2_loss_6e02", 2.0, 1.5},
      {0.03, "DARTS_V2", 3.5, 1.8}
    };
    SearchRecords records = new SearchRecords(w);
    Instant now = Instant.now();
    for (int i = 0; i < trials.length; i++) {
      records.recordTrial(
          runId,
          i,
          Trials.ok(
              (double) trials[i][0],
              (double) trials[i][2],
              (double) trials[i][3],
              registry.get((String) trials[i][1])),
          1,
          now,
          now);
    }
    runs.finish(runId, RunStatus.DONE);
  }
}
