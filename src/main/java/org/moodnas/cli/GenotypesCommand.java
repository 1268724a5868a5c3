package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.List;
import org.moodnas.core.Objective;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeNames;
import org.moodnas.space.GenotypeRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mood-nas genotypes list|show|names}: the bundled registry and the naming rule. */
@Command(
    name = "genotypes",
    mixinStandardHelpOptions = true,
    description = "List and show the published genotypes; name genotypes after their ν.")
final class GenotypesCommand {

  @Spec CommandSpec spec;

  private final GenotypeRegistry registry = GenotypeRegistry.bundled();

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every registry name with its content hash and aliases.")
  void list() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-34s %-16s %s%n", "NAME", "HASH", "ALIASES");
    for (String name : registry.names()) {
      List<String> aliases = registry.aliasesOf(name);
      out.printf(
          "%-34s %-16s %s%n",
          name, registry.get(name).hash(), aliases.isEmpty() ? "-" : String.join(",", aliases));
    }
    out.flush();
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "The genotype's canonical JSON.")
  void show(@Parameters(paramLabel = "NAME", description = "a registry name") String name) {
    Genotype g = registry.get(name);
    PrintWriter out = spec.commandLine().getOut();
    out.println(g.toJson());
    out.flush();
  }

  @Command(
      name = "names",
      mixinStandardHelpOptions = true,
      description = "The genotype names one run's ν values get, in order.")
  void names(
      @Option(
              names = "--objective",
              required = true,
              description = "l1 or l2",
              converter = Converters.Objective.class)
          Objective objective,
      @Parameters(paramLabel = "ν", arity = "1..*", description = "regularization weights")
          List<Double> weights) {
    PrintWriter out = spec.commandLine().getOut();
    GenotypeNames.names(objective.toString(), weights).forEach(out::println);
    out.flush();
  }
}
