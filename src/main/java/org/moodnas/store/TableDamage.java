package org.moodnas.store;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkThrowable;

/**
 * A read that found a data file of a recorded table missing or unreadable: the table's files were
 * changed outside mood-nas. Spark's own message for it suggests REFRESH TABLE, which only clears a
 * cache of file listings (our commands keep none across runs, and {@code mood-nas sql} runs no
 * commands): the file stays missing. This names the table and the file instead.
 */
public final class TableDamage {

  private static final String FAILED_READ = "FAILED_READ_FILE";
  private static final Pattern PATH = Pattern.compile("reading file (\\S+?)\\.(\\s|$)");

  private TableDamage() {}

  /** One line saying which table is damaged and how, when that is what {@code e} is. */
  public static Optional<String> of(Throwable e) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SparkThrowable s
          && s.getCondition() != null
          && s.getCondition().startsWith(FAILED_READ)) {
        String file = s.getMessageParameters().get("path");
        if (file == null) {
          Matcher m = PATH.matcher(String.valueOf(t.getMessage()));
          file = m.find() ? m.group(1) : null;
        }
        if (file != null) {
          return Optional.of(describe(file, s.getCondition().endsWith("FILE_NOT_EXIST")));
        }
      }
    }
    return Optional.empty();
  }

  private static String describe(String file, boolean missing) {
    Path p = new Path(file);
    String table = null;
    for (Path dir = p.getParent(); dir != null && table == null; dir = dir.getParent()) {
      for (Tables t : Tables.values()) {
        if (t.tableName().equals(dir.getName())) {
          table = t.tableName();
        }
      }
    }
    return (table == null ? "a table" : "table " + table)
        + " is damaged: its data file "
        + p.getName()
        + (missing ? " is missing" : " cannot be read")
        + " ("
        + file
        + "), changed outside mood-nas; restore the file from a copy of the warehouse, or record"
        + " the runs again in a new warehouse";
  }
}
