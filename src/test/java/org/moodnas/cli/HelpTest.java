package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand answers --help with its usage, defaults shown. */
class HelpTest {

  /** Every command line that names a command: ["search"], ["memory-model", "fit"], … */
  static List<List<String>> commands(CommandLine cmd, List<String> path) {
    List<List<String>> out = new ArrayList<>();
    cmd.getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> p = new ArrayList<>(path);
              p.add(name);
              out.add(p);
              out.addAll(commands(sub, p));
            });
    return out;
  }

  @Test
  void everyCommandAndSubcommandHasHelp() {
    List<List<String>> all = commands(MoodNas.commandLine(), List.of());
    assertThat(all)
        .contains(List.of("bench", "search-step"), List.of("genotypes", "names"))
        .hasSizeGreaterThan(15);
    for (List<String> path : all) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
      assertThat(r.out())
          .as(String.join(" ", args))
          .startsWith("Usage: mood-nas " + String.join(" ", path));
    }
  }

  @Test
  void optionsShowTheirKindsDefaultsAndTheImageNetOnes() {
    String batch =
        "--batch-size, --batch_size=<batchSize>\\s+images\\s+per\\s+step\\s+\\(imagenet:\\s+search\\s+128,\\s+train\\s+1024\\)";
    assertThat(CliRun.of("search-trial", "--help").out())
        .containsPattern(batch + "\\s+Default: 256")
        .containsPattern("Adam learning rate of α and β \\(imagenet: 6e-3\\)\\s+Default: 6.0E-4")
        .containsPattern(
            "search:\\s+follows\\s+--objective\\s+as\\s+in\\s+the\\s+published\\s+sweeps,\\s+0\\s+with\\s+l2");
    assertThat(CliRun.of("train-one", "--help").out())
        .containsPattern(batch + "\\s+Default: 96")
        .containsPattern("--\\[no-]auxiliary\\s+train with the auxiliary head \\(off by default");
  }

  /**
   * A command list shows the first element of each subcommand's description: it must be a whole,
   * short sentence, and every further element a whole paragraph of the command's own help.
   */
  @Test
  void everyCommandListShowsWholeSummaries() {
    List<List<String>> parents = new ArrayList<>();
    parents.add(List.of());
    for (List<String> path : commands(MoodNas.commandLine(), List.of())) {
      if (!subcommand(path).getSubcommands().isEmpty()) {
        parents.add(path);
      }
    }
    assertThat(parents).contains(List.of("bench"), List.of("memory-model"));
    int listed = 0;
    for (List<String> parent : parents) {
      List<String> args = new ArrayList<>(parent);
      args.add("--help");
      String help = CliRun.of(args.toArray(String[]::new)).out();
      Map<String, String> shown = commandList(help);
      assertThat(shown.keySet())
          .as(String.join(" ", args))
          .containsExactlyElementsOf(
              subcommand(parent).getSubcommands().entrySet().stream()
                  .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden())
                  .map(Map.Entry::getKey)
                  .toList());
      for (Map.Entry<String, String> e : shown.entrySet()) {
        List<String> path = new ArrayList<>(parent);
        path.add(e.getKey());
        String[] description = subcommand(path).getCommandSpec().usageMessage().description();
        assertThat(e.getValue())
            .as("%s in the list of %s", e.getKey(), String.join(" ", args))
            .isEqualTo(description[0])
            .endsWith(".")
            .hasSizeLessThanOrEqualTo(160);
        listed++;
      }
    }
    assertThat(listed).isGreaterThan(15);
    for (List<String> path : commands(MoodNas.commandLine(), List.of())) {
      for (String paragraph : subcommand(path).getCommandSpec().usageMessage().description()) {
        assertThat(paragraph).as(String.join(" ", path)).endsWith(".");
      }
    }
  }

  private static CommandLine subcommand(List<String> path) {
    CommandLine cmd = MoodNas.commandLine();
    for (String name : path) {
      cmd = cmd.getSubcommands().get(name);
    }
    return cmd;
  }

  /** The "Commands:" section of a help: each name with its text, wrapped lines joined. */
  private static Map<String, String> commandList(String help) {
    Map<String, String> out = new LinkedHashMap<>();
    String name = null;
    boolean inList = false;
    for (String line : help.split("\\R")) {
      if (line.equals("Commands:")) {
        inList = true;
      } else if (inList) {
        Matcher m = Pattern.compile("^  (\\S+)\\s+(.*)$").matcher(line);
        if (m.matches()) {
          name = m.group(1);
          out.put(name, m.group(2).strip());
        } else if (line.startsWith("    ") && name != null) {
          out.put(name, out.get(name) + " " + line.strip());
        } else {
          inList = false;
        }
      }
    }
    return out;
  }

  @Test
  void theCliReferenceIsEveryCommandsHelp() throws Exception {
    String generated = CliRun.of("docs").out();
    assertThat(generated)
        .contains("## mood-nas bench search-step")
        .doesNotContain("## mood-nas docs");
    // Regenerate with: jobs/mood-nas docs > docs/cli.md
    assertThat(Files.readString(Path.of("docs/cli.md"))).isEqualTo(generated);
  }
}
