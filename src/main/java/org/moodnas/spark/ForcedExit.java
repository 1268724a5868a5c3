package org.moodnas.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The driver's exit when a second SIGTERM comes or the grace runs out: each watched run's lease is
 * released and its end recorded unless its command did (within {@link Preemption#FORCED_END}); then
 * the JVM halts, not exits: shutdown hooks (Spark's stops the SparkContext) may take longer than is
 * left.
 */
final class ForcedExit {

  /** Exit code of a forced exit: the shell's code for a process ended by SIGTERM. */
  static final int FORCED_EXIT = 143;

  private ForcedExit() {}

  /** Ends {@code runs} and halts: 0 when every run's command recorded its end, else 143. */
  static void now(String why, List<Preemption> runs) {
    List<Thread> ends = new ArrayList<>();
    List<Preemption> ending = new ArrayList<>();
    for (Preemption p : runs) {
      if (p.closed()) {
        continue;
      }
      p.sayExiting(why);
      Thread t = new Thread(p::forcedEnd, "forced end");
      t.setDaemon(true);
      t.start();
      ends.add(t);
      ending.add(p);
    }
    long until = System.nanoTime() + Preemption.FORCED_END.toNanos();
    for (Thread t : ends) {
      try {
        t.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        break;
      }
    }
    boolean recorded = ending.stream().allMatch(Preemption::endedByCommand);
    Runtime.getRuntime().halt(recorded ? 0 : FORCED_EXIT);
  }
}
