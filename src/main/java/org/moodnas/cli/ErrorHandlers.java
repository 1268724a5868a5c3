package org.moodnas.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.moodnas.core.InvalidSettingException;
import org.moodnas.spark.TrialStateMismatchException;
import org.moodnas.store.DiskFullException;
import org.moodnas.store.TableDamage;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One line per error on stderr: bad input (options, names, JSON, settings) exits 2; anything else
 * exits 1 with the exception's message. A bad setting is reported under the flag that sets it; a
 * full disk, wherever in the chain of causes, as the path being written and "no space left on
 * device".
 */
final class ErrorHandlers {

  static final int BAD_INPUT = 2;
  static final int FAILED = 1;

  private ErrorHandlers() {}

  static int badParameter(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String missing = missingArgumentFile(e);
    if (missing != null) {
      err.println("mood-nas: " + missing + ": no such preset or argument file");
      err.flush();
      return BAD_INPUT;
    }
    err.println(
        "mood-nas: "
            + oneLine(e.getMessage())
            + " (see '"
            + cmd.getCommandSpec().qualifiedName()
            + " --help')");
    err.flush();
    return BAD_INPUT;
  }

  /**
   * The first unmatched {@code @FILE} argument whose file does not exist: picocli expands an
   * argument file when it exists and otherwise passes "@…" on as a word, which then reads as an
   * unmatched argument.
   */
  private static String missingArgumentFile(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException u)) {
      return null;
    }
    for (String arg : u.getUnmatched()) {
      if (arg.startsWith("@") && arg.length() > 1 && !Files.exists(Path.of(arg.substring(1)))) {
        return arg;
      }
    }
    return null;
  }

  static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (DiskFullException.causedBy(e)) {
      // what was being written, not the task failure or Error it arrived in
      String what =
          DiskFullException.in(e)
              .map(Throwable::getMessage)
              .orElse("no space left on device (" + firstLine(e) + ")");
      err.println("mood-nas: " + what);
      err.flush();
      return FAILED;
    }
    Optional<String> damaged = TableDamage.of(e);
    if (damaged.isPresent()) {
      // Spark's message suggests REFRESH TABLE, which does not bring a deleted file back
      err.println("mood-nas: " + damaged.get());
      err.flush();
      return FAILED;
    }
    boolean badInput = e instanceof IllegalArgumentException;
    String message =
        e instanceof InvalidSettingException s
            ? flagOf(cmd.getCommandSpec(), s.setting()) + " " + s.problem()
            : e.getMessage() == null ? e.toString() : e.getMessage();
    if (e instanceof TrialStateMismatchException) {
      message += "; --resume with --restart-trials starts such trials over";
    }
    err.println("mood-nas: " + oneLine(message));
    err.flush();
    return badInput ? BAD_INPUT : FAILED;
  }

  /**
   * The flag whose field is named {@code setting} (options are named after the settings they set),
   * else the setting's snake_case name.
   */
  static String flagOf(CommandSpec command, String setting) {
    for (OptionSpec o : command.options()) {
      if (o.userObject() instanceof Field f && f.getName().equals(setting)) {
        // the hyphenated name, not the published snake_case alias
        for (String name : o.names()) {
          if (name.startsWith("--") && !name.contains("_")) {
            return name;
          }
        }
        return o.longestName();
      }
    }
    return setting.replaceAll("([A-Z])", "_$1").toLowerCase();
  }

  private static String firstLine(Throwable e) {
    return e.getMessage() == null
        ? e.toString()
        : e.getMessage().lines().findFirst().orElse(e.toString());
  }

  /**
   * The command's Callable run as picocli runs it, an {@code Error} around an {@code IOException}
   * (Hadoop's FSError: a local write that failed, a full disk among others) handed to {@link
   * #failed} as a failure: picocli passes only exceptions to its handler, and an Error would end
   * the JVM with a stack trace.
   */
  static int execute(CommandLine.ParseResult parsed) {
    try {
      return new CommandLine.RunLast().execute(parsed);
    } catch (Error e) {
      if (!(e.getCause() instanceof java.io.IOException io)) {
        throw e;
      }
      List<CommandLine> commands = parsed.asCommandLineList();
      throw new CommandLine.ExecutionException(
          commands.get(commands.size() - 1), e.toString(), new UncheckedIOException(io));
    }
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
