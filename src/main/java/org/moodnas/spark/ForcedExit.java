package org.moodnas.spark;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The driver's exit when a second SIGTERM comes or the grace runs out: each watched run's lease is
 * released and its end recorded unless its command did (within {@link Preemption#FORCED_END}); then
 * the process ends at once, without shutdown hooks (Spark's stops the SparkContext, which may take
 * longer than is left).
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
    if (ending.stream().allMatch(Preemption::endedByCommand)) {
      Runtime.getRuntime().halt(0);
    }
    dieBySigterm();
  }

  /**
   * Ends the process as SIGTERM's default action does (status 143 to the shell): no exit handlers
   * run. A halt would run libtorch's static destructors under a step still running on another
   * thread, which aborts (status 134).
   */
  private static void dieBySigterm() {
    try {
      Signal term = new Signal("TERM");
      Signal.handle(term, SignalHandler.SIG_DFL);
      // to the process, not this thread (the JVM's own threads may hold SIGTERM blocked)
      new ProcessBuilder("kill", "-TERM", Long.toString(ProcessHandle.current().pid()))
          .start()
          .waitFor();
      Thread.sleep(1000); // the signal is delivered meanwhile
    } catch (IllegalArgumentException | java.io.IOException | InterruptedException e) {
      // no POSIX signals here: halt instead
    }
    Runtime.getRuntime().halt(FORCED_EXIT);
  }
}
