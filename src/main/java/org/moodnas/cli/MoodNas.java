package org.moodnas.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The mood-nas command line: one class per subcommand. */
@Command(
    name = "mood-nas",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Multi-objective neural architecture search (PC-DARTS + ν sweeps) on Spark.",
    subcommands = {
      SearchCommand.class,
      TrainCommand.class,
      EnsembleCommand.class,
      PredictCommand.class,
      AnalyseCommand.class,
      SqlCommand.class,
      CheckpointsCommand.class,
      SearchTrialCommand.class,
      TrainOneCommand.class,
      ProfileCommand.class,
      GenotypesCommand.class,
      MemoryModelCommand.class,
      BenchCommand.class,
      DocsCommand.class
    })
public final class MoodNas implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * jobs/mood-nas-submit tells the command from spark-submit's options by this list, so that every
   * command is submittable and no script keeps a copy of the names. Hidden: not for users.
   */
  @CommandLine.Option(
      names = "--list-commands",
      hidden = true,
      description = "print the commands' names, one a line")
  boolean listCommands;

  @Override
  public void run() {
    if (listCommands) {
      spec.subcommands().keySet().forEach(spec.commandLine().getOut()::println);
      spec.commandLine().getOut().flush();
      return;
    }
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Runs the command line and returns its exit code (0 ok, 1 failure, 2 bad input). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine root =
        new CommandLine(new MoodNas())
            .setParameterExceptionHandler(ErrorHandlers::badParameter)
            .setExecutionExceptionHandler(ErrorHandlers::failed)
            .setExecutionStrategy(ErrorHandlers::execute)
            // presets are @-files; options given after them win
            .setOverwrittenOptionsAllowed(true);
    showDefaults(root);
    return root;
  }

  /** Every option's default in every command's --help. */
  private static void showDefaults(CommandLine cmd) {
    cmd.getCommandSpec().usageMessage().showDefaultValues(true).abbreviateSynopsis(true);
    cmd.getSubcommands().values().forEach(MoodNas::showDefaults);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
