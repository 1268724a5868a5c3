package org.moodnas.testing;

import java.util.List;
import org.moodnas.core.SearchEpoch;
import org.moodnas.core.SearchMetrics;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrialResult;
import org.moodnas.core.Weight;
import org.moodnas.space.Genotype;

/** Search trials as a sweep records them, for tests of what reads them back. */
public final class Trials {

  private Trials() {}

  /** A successful L2 trial with ν, criterion weight 1 − ν, its two objectives and genotype. */
  public static TrialResult ok(double nu, double regLoss, double criterionLoss, Genotype g) {
    return TrialResult.ok(
        SearchSpec.DEFAULTS,
        new Weight(nu, 1 - nu),
        new SearchMetrics(regLoss, criterionLoss, null, null, null, regLoss, 0.5, 0.5, 1.0, null),
        g,
        "cpu",
        List.of(),
        1);
  }

  /** Epoch {@code n} of a search trial, made-up figures. */
  public static SearchEpoch epoch(int n) {
    return new SearchEpoch(
        n, 0.025, 2.0 - 0.1 * n, 0.3, 1.5, 10.0, 3.0, 1.4, 9.0, 2.5, null, null, 0, 1.0);
  }

  /** A failed L2 trial with ν. */
  public static TrialResult failed(double nu, String why) {
    return TrialResult.failed(
        SearchSpec.DEFAULTS, new Weight(nu, 1 - nu), why, "cpu", List.of(), 1);
  }
}
