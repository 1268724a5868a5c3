package org.moodnas.cli;

import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.moodnas.core.FanOutSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The limits of a resumed run (how many trials, δ, how trials fan out): each as recorded in its
 * config unless its option is on the resume's command line, and a given value that differs from the
 * recorded one is said in one line. An option's default never replaces a recorded value: a run
 * recorded with at most 2 trials and resumed without the option still stops at 2.
 */
final class ResumedLimits {

  private final CommandSpec command;
  private final GivenOptions given;
  private final PrintWriter err;

  /**
   * The limits named by {@code limits} (their fields); on an explicit {@code --resume}, the other
   * options given are named as ignored.
   */
  ResumedLimits(CommandSpec command, PrintWriter err, boolean explicit, Set<String> limits) {
    this.command = command;
    this.given = GivenOptions.of(command);
    this.err = err;
    if (explicit) {
      sayIgnored(limits);
    }
  }

  /** The recorded value, or the one given now (said when it differs). */
  <T> T keep(String setting, T recorded, T now) {
    T value = given.or(setting, now, recorded);
    if (!Objects.equals(value, recorded)) {
      err.printf(
          "%s: %s recorded, %s given: using %s%n",
          ErrorHandlers.flagOf(command, setting), shown(recorded), shown(value), shown(value));
    }
    return value;
  }

  /**
   * Parallelism, GPUs per trial and the checkpoint interval, each kept or changed as {@link #keep}
   * does.
   */
  FanOutSpec fanOut(FanOutSpec recorded, FanOutSpec now) {
    return new FanOutSpec(
        keep("parallelism", recorded.parallelism(), now.parallelism()),
        keep("gpusPerTrial", recorded.gpusPerTrial(), now.gpusPerTrial()),
        keep("checkpointMinutes", recorded.checkpointMinutes(), now.checkpointMinutes()));
  }

  /**
   * One line naming the options given on the command line that a resumed run does not take (what a
   * trial is stays as recorded), when there are any: all but the limits, the run's and Spark's.
   */
  private void sayIgnored(Set<String> limits) {
    List<String> ignored = new ArrayList<>();
    for (OptionSpec o : command.commandLine().getParseResult().matchedOptions()) {
      if (o.userObject() instanceof Field f
          && !limits.contains(f.getName())
          && f.getDeclaringClass() != RunOptions.class
          && f.getDeclaringClass() != SparkOptions.class) {
        ignored.add(o.longestName());
      }
    }
    if (!ignored.isEmpty()) {
      err.printf(
          "%s: ignored: a resumed run's trials are set as recorded (only %s can change)%n",
          String.join(", ", ignored),
          String.join(
              ", ", limits.stream().sorted().map(s -> ErrorHandlers.flagOf(command, s)).toList()));
    }
  }

  private static String shown(Object value) {
    return value == null ? "default" : value.toString();
  }
}
