package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import org.moodnas.bench.ProcessMemory;
import org.moodnas.train.TrainingProgress;

/**
 * Training progress on stderr: a line every {@code every} steps (and at each epoch's last step)
 * with epoch, step, running loss and accuracy and images/s, and one line per finished epoch.
 */
final class ConsoleProgress<E> implements TrainingProgress<E> {

  private final PrintWriter err;
  private final int epochs;
  private final int every;
  private final Function<E, String> epochLine;

  ConsoleProgress(PrintWriter err, int epochs, int every, Function<E, String> epochLine) {
    this.err = err;
    this.epochs = epochs;
    this.every = Math.max(1, every);
    this.epochLine = epochLine;
  }

  @Override
  public void started(String line) {
    err.println(line);
    err.flush();
  }

  @Override
  public void step(int epoch, int step, int steps, double loss, double acc, double imagesPerSec) {
    if (step % every == 0 || step == steps) {
      err.printf(
          "epoch %d/%d step %d/%d loss %.4f acc %.4f %.1f images/s%n",
          epoch + 1, epochs, step, steps, loss, acc, imagesPerSec);
      err.flush();
    }
  }

  @Override
  public void epoch(E record) {
    // Resident memory per epoch: native memory must stay flat across a trial.
    err.printf("%s, RSS %.0f MB%n", epochLine.apply(record), ProcessMemory.rssMb());
    err.flush();
  }

  /** ", N unreadable image(s) skipped" for an epoch line, or nothing when none was. */
  static String skipped(int images) {
    return images == 0
        ? ""
        : ", " + images + " unreadable image" + (images == 1 ? "" : "s") + " skipped";
  }
}
