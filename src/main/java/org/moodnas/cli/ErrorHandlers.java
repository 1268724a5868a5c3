package org.moodnas.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * One line per error on stderr: bad input (options, names, JSON) exits 2; anything else exits 1
 * with the exception's message.
 */
final class ErrorHandlers {

  static final int BAD_INPUT = 2;
  static final int FAILED = 1;

  private ErrorHandlers() {}

  static int badParameter(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(
        "mood-nas: "
            + oneLine(e.getMessage())
            + " (see '"
            + cmd.getCommandSpec().qualifiedName()
            + " --help')");
    err.flush();
    return BAD_INPUT;
  }

  static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    boolean badInput = e instanceof IllegalArgumentException;
    err.println("mood-nas: " + oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
    err.flush();
    return badInput ? BAD_INPUT : FAILED;
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
