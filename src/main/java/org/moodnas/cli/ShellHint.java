package org.moodnas.cli;

import java.util.regex.Pattern;

/**
 * The "Look at it: jobs/mood-nas sql …" lines commands print: a command a user can paste into a
 * POSIX shell as it is, whatever the run id or warehouse path holds (quotes, spaces, dollars).
 */
final class ShellHint {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

  private ShellHint() {}

  /** {@code jobs/mood-nas sql "QUERY" --warehouse PATH}, each part quoted for the shell. */
  static String sql(String query, String warehouse) {
    return "jobs/mood-nas sql " + doubleQuoted(query) + " --warehouse " + word(warehouse);
  }

  /** A SQL string literal: quotes doubled, as Spark SQL reads them. */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** One shell word: as it is when plain, else single-quoted. */
  static String word(String s) {
    return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  // Double quotes keep the query readable (its SQL literals use single quotes); inside them the
  // shell still expands $, ` and \, and " ends the word.
  private static String doubleQuoted(String s) {
    return "\"" + s.replaceAll("([\\\\\"$`])", "\\\\$1") + "\"";
  }
}
