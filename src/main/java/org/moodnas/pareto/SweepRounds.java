package org.moodnas.pareto;

import java.util.ArrayList;
import java.util.List;
import org.moodnas.core.Weight;

/**
 * A sweep on the {@link ToyProblem} in simulated time, every trial one trial length long, with
 * {@code parallelism} slots: how the estimator keeps the slots busy, free of any orchestration
 * cost. Trials finish one at a time (ties in start order); each finish is recorded, the speculative
 * trials it made unneeded are cancelled at once, and the freed slots are filled before the next.
 */
public record SweepRounds(
    List<Weight> initialWeights, double delta, int parallelism, boolean speculate) {

  /**
   * What the sweep took: its span from the first start to the last finish in trial lengths, the
   * trials started, recorded and cancelled, the mean number of busy slots over the span, and the
   * final front's largest normalized gap between neighbours.
   */
  public record Result(
      double rounds,
      int started,
      int recorded,
      int cancelled,
      double meanBusy,
      double largestGap) {}

  private record Running(Proposal proposal, double end) {}

  public SweepRounds {
    initialWeights = List.copyOf(initialWeights);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be ≥ 1, got " + parallelism);
    }
  }

  public Result run() {
    WeightEstimator e = new WeightEstimator(initialWeights, delta, speculate);
    List<Running> running = new ArrayList<>();
    double now = 0;
    double busy = 0;
    int started = 0;
    int recorded = 0;
    int cancelled = 0;
    while (true) {
      while (running.size() < parallelism) {
        var p = e.propose();
        if (p.isEmpty()) {
          break;
        }
        running.add(new Running(p.get(), now + 1));
        started++;
      }
      if (running.isEmpty()) {
        break;
      }
      Running first = running.get(0);
      for (Running r : running) {
        if (r.end() < first.end()) {
          first = r;
        }
      }
      busy += running.size() * (first.end() - now);
      now = first.end();
      running.remove(first);
      e.record(ToyProblem.solve(first.proposal().weight()));
      recorded++;
      for (Proposal u : e.unneeded()) {
        e.cancel(u.weight());
        running.removeIf(r -> r.proposal() == u);
        cancelled++;
      }
    }
    return new Result(
        now, started, recorded, cancelled, now == 0 ? 0 : busy / now, largestGap(e.front()));
  }

  /** The largest normalized distance between neighbours of {@code front}. */
  public static double largestGap(ParetoFront front) {
    List<Point> m = front.members();
    double largest = 0;
    for (int i = 0; i + 1 < m.size(); i++) {
      largest = Math.max(largest, front.normalizedDistance(m.get(i), m.get(i + 1)));
    }
    return largest;
  }
}
