package org.moodnas.store;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The guard in front of {@code mood-nas sql}: a statement is parsed, not run, and only queries
 * (SELECT, WITH, VALUES, TABLE) and inspections (SHOW, DESCRIBE, EXPLAIN) pass. Recorded results
 * are append-only history; nothing typed at the console may change or drop them.
 */
public final class ReadOnlySql {

  private ReadOnlySql() {}

  /**
   * Throws {@link IllegalArgumentException} with one line when {@code statement} does not parse
   * (Spark's message: what was expected, line and position) or would do more than read.
   */
  public static void check(SparkSession spark, String statement) {
    LogicalPlan plan;
    try {
      plan =
          ((org.apache.spark.sql.classic.SparkSession) spark)
              .sessionState()
              .sqlParser()
              .parsePlan(statement);
    } catch (ParseException e) {
      throw new IllegalArgumentException("query: " + firstLine(e));
    }
    if (isInspection(plan)) {
      return;
    }
    Deque<LogicalPlan> todo = new ArrayDeque<>();
    todo.push(plan);
    while (!todo.isEmpty()) {
      LogicalPlan node = todo.pop();
      if (!isQueryNode(node)) {
        throw new IllegalArgumentException(
            "query: only SELECT, WITH, VALUES, SHOW, DESCRIBE and EXPLAIN run here; refused: "
                + abbreviated(statement));
      }
      CollectionConverters.asJava(node.children()).forEach(todo::push);
    }
  }

  // SHOW …, DESCRIBE … (Delta's DESCRIBE HISTORY/DETAIL too) and EXPLAIN run nothing they name.
  private static boolean isInspection(LogicalPlan plan) {
    String name = plan.getClass().getSimpleName();
    return name.startsWith("Show") || name.startsWith("Describe") || name.equals("ExplainCommand");
  }

  // Spark's own relational nodes; commands, statements (INSERT) and any extension's nodes
  // (Delta's RESTORE, OPTIMIZE, VACUUM) are not queries.
  private static boolean isQueryNode(LogicalPlan node) {
    String pkg = node.getClass().getPackageName();
    return !(node instanceof Command)
        && !(node instanceof ParsedStatement)
        && (pkg.equals("org.apache.spark.sql.catalyst.plans.logical")
            || pkg.equals("org.apache.spark.sql.catalyst.analysis"));
  }

  private static String abbreviated(String statement) {
    String one = statement.strip().replaceAll("\\s+", " ");
    return one.length() <= 60 ? one : one.substring(0, 59) + "…";
  }

  /** The first non-blank line of an error's message (Spark's start with a blank one). */
  static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(m);
  }
}
