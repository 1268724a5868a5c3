package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Tables;

/** {@code mood-nas sql} reads the warehouse and nothing else. */
class SqlCommandTest {

  @TempDir static Path dir;
  static String wh;

  @BeforeAll
  static void sweep() {
    wh = dir.resolve("wh").toUri().toString();
    CliRun sweep =
        CliRun.of(
            "search", "--simulate", "--warehouse", wh, "--run-id", "ro", "--master", "local[2]");
    assertThat(sweep.code()).as(sweep.err()).isZero();
  }

  private static CliRun sql(String statement, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "sql";
    args[1] = statement;
    args[2] = "--warehouse=" + wh;
    System.arraycopy(more, 0, args, 3, more.length);
    return CliRun.of(args);
  }

  /** Every written table's latest Delta version. */
  private static Map<String, Long> versions() {
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    Map<String, Long> out = new TreeMap<>();
    for (Tables t : Tables.values()) {
      String path = dir.resolve("wh").resolve(t.tableName()).toString();
      if (DeltaTable.isDeltaTable(spark, path)) {
        out.put(t.tableName(), DeltaTable.forPath(spark, path).history(1).first().getLong(0));
      }
    }
    return out;
  }

  @Test
  void statementsThatWouldChangeTheWarehouseAreRefusedAndChangeNothing() {
    Map<String, Long> before = versions();
    assertThat(before).containsKeys("runs", "search_trials");
    String trials = dir.resolve("wh").resolve("search_trials").toString();
    for (String statement :
        new String[] {
          "DELETE FROM search_trials WHERE run_id = 'ro'",
          "INSERT INTO runs SELECT * FROM runs",
          "WITH r AS (SELECT * FROM runs) INSERT INTO runs SELECT * FROM r",
          "DROP TABLE search_trials",
          "UPDATE runs SET status = 'x'",
          "TRUNCATE TABLE runs",
          "CREATE TABLE copy AS SELECT * FROM runs",
          "CREATE OR REPLACE TEMP VIEW runs AS SELECT 1",
          "MERGE INTO runs r USING runs s ON r.run_id = s.run_id WHEN MATCHED THEN DELETE",
          "DELETE FROM delta.`" + trials + "`",
          "OPTIMIZE delta.`" + trials + "`",
          "VACUUM delta.`" + trials + "` RETAIN 0 HOURS",
          "RESTORE TABLE delta.`" + trials + "` TO VERSION AS OF 0",
          "SET spark.sql.shuffle.partitions = 1",
          "CACHE TABLE runs"
        }) {
      CliRun r = sql(statement);
      assertThat(r.code()).as(statement + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().lines()).as(statement).hasSize(1);
      assertThat(r.err())
          .as(statement)
          .startsWith(
              "mood-nas: query: only SELECT, WITH, VALUES, SHOW, DESCRIBE and EXPLAIN run here;"
                  + " refused: ");
      assertThat(versions()).as(statement).isEqualTo(before);
    }
    assertThat(sql("SELECT count(*) FROM search_trials", "--format", "csv").out().lines())
        .containsExactly("count(1)", "11");
  }

  @Test
  void queriesAndInspectionsRun() {
    String trials = dir.resolve("wh").resolve("search_trials").toString();
    for (String statement :
        new String[] {
          "SELECT run_id FROM runs",
          "WITH t AS (SELECT * FROM search_trials) SELECT count(*) FROM t",
          "VALUES (1, 2)",
          "SHOW TABLES",
          "DESCRIBE search_trials",
          "DESCRIBE HISTORY delta.`" + trials + "`",
          "EXPLAIN SELECT * FROM runs"
        }) {
      CliRun r = sql(statement);
      assertThat(r.code()).as(statement + ": " + r.err()).isZero();
      assertThat(r.out()).as(statement).containsPattern("\\(\\d+ rows\\)");
    }
    assertThat(sql("SHOW TABLES").out()).contains("search_trials");
  }

  @Test
  void malformedStatementsAndBadOptionsSayWhatIsWrong(@TempDir Path other) throws Exception {
    CliRun parse = sql("SELEC oops");
    assertThat(parse.code()).isEqualTo(2);
    assertThat(parse.err().lines()).hasSize(1);
    assertThat(parse.err())
        .startsWith("mood-nas: query: [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'")
        .contains("(line 1, pos 0)");
    CliRun limit = sql("SELECT 1", "--limit", "-1");
    assertThat(limit.code()).isEqualTo(2);
    assertThat(limit.err().strip()).isEqualTo("mood-nas: --limit -1: must be ≥ 0");

    Path missing = other.resolve("nosuch");
    CliRun none = CliRun.of("sql", "SELECT count(*) FROM runs", "--warehouse", missing.toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err().strip())
        .isEqualTo("mood-nas: --warehouse " + missing + ": no such folder");
    Path file = Files.writeString(other.resolve("file"), "x");
    CliRun notDir = CliRun.of("sql", "SELECT count(*) FROM runs", "--warehouse", file.toString());
    assertThat(notDir.code()).isEqualTo(2);
    assertThat(notDir.err().strip())
        .isEqualTo("mood-nas: --warehouse " + file + ": a file, not a warehouse folder");
  }
}
