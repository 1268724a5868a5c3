package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
