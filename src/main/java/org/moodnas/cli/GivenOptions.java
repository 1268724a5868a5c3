package org.moodnas.cli;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Which settings a command line gave, by the names of the fields their options set (an option's
 * field is named after its setting): a default that depends on another option (the dataset's
 * recipe) fills in only the settings not given. Presets count as given: they are arguments.
 */
final class GivenOptions {

  private final Set<String> options;
  private final Set<String> given;

  private GivenOptions(Set<String> options, Set<String> given) {
    this.options = options;
    this.given = given;
  }

  /** The options {@code command}'s last parse matched (none before it parsed). */
  static GivenOptions of(CommandSpec command) {
    ParseResult parsed =
        command.commandLine() == null ? null : command.commandLine().getParseResult();
    return new GivenOptions(
        fields(command.options()), parsed == null ? Set.of() : fields(parsed.matchedOptions()));
  }

  private static Set<String> fields(List<OptionSpec> options) {
    return options.stream()
        .map(OptionSpec::userObject)
        .filter(Field.class::isInstance)
        .map(f -> ((Field) f).getName())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** {@code value} when the option of field {@code setting} was given, else {@code fallback}. */
  <T> T or(String setting, T value, T fallback) {
    if (!options.contains(setting)) {
      throw new IllegalStateException("no option sets a field called " + setting);
    }
    return given.contains(setting) ? value : fallback;
  }
}
