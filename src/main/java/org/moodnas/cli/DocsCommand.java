package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code mood-nas docs}: the command-line reference as Markdown, every command's --help in order.
 * docs/cli.md is this output (a test keeps them equal): {@code jobs/mood-nas docs > docs/cli.md}.
 */
@Command(
    name = "docs",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "The command-line reference as Markdown (docs/cli.md).")
final class DocsCommand implements Runnable {

  /** Wide enough for the longest option lines, fixed so the file does not depend on a terminal. */
  static final int WIDTH = 100;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("# Command-line reference");
    out.println();
    out.println(
        "Every `mood-nas` command's `--help`, generated from the code by `jobs/mood-nas docs >"
            + " docs/cli.md`");
    out.println(
        "(a test fails when this file and the code disagree). Options that take a value also take"
            + " it as");
    out.println(
        "`--option=value`; snake_case aliases are the published scripts' names; presets in"
            + " `conf/presets/`");
    out.println("are argument files: `mood-nas search @conf/presets/cifar10-l2-search.args …`.");
    write(out, spec.root().commandLine());
    out.flush();
  }

  private static void write(PrintWriter out, CommandLine cmd) {
    CommandSpec s = cmd.getCommandSpec();
    if (s.usageMessage().hidden()) {
      return;
    }
    if (s.parent() != null) {
      out.println();
      out.println("## " + s.qualifiedName());
      out.println();
      out.println("```text");
      int width = s.usageMessage().width();
      s.usageMessage().width(WIDTH);
      out.print(cmd.getUsageMessage(CommandLine.Help.Ansi.OFF));
      s.usageMessage().width(width);
      out.println("```");
    }
    for (Map.Entry<String, CommandLine> sub : cmd.getSubcommands().entrySet()) {
      write(out, sub.getValue());
    }
  }
}
