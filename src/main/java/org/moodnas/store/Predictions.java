package org.moodnas.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code predictions} table: a trained network's logits for every image of a split, one row per
 * (run, member, split, sample). Partitioned by run, member and split, so that one member's rows are
 * replaced in one commit ({@code replaceWhere}) without touching another's: a re-run replaces,
 * never doubles, and members recorded at once do not conflict.
 */
public final class Predictions {

  /** The split a member scored: the test set, or the part of the training set that weighs it. */
  public enum Split {
    TEST,
    WEIGHTS;

    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The columns a scored frame gives; the rest name whose scores they are. */
  public static final List<String> SCORED = List.of("sample", "label", "logits");

  static final List<String> PARTITIONS = List.of("run_id", "member", "split");

  private final Warehouse warehouse;

  public Predictions(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * Replaces the rows of ({@code runId}, {@code member}, {@code split}) with {@code scored} (its
   * columns: {@link #SCORED}), in one commit: readers see the old rows or the new, never both.
   */
  public void replace(
      String runId, String member, String genotypeHash, Split split, Dataset<Row> scored) {
    if (!Set.of(scored.columns()).containsAll(SCORED)) {
      throw new IllegalArgumentException(
          "predictions of "
              + member
              + ": the scored frame has columns "
              + Arrays.toString(scored.columns())
              + ", not "
              + SCORED);
    }
    Dataset<Row> rows = rows(runId, member, genotypeHash, split, scored);
    String where = where(runId, member, split);
    String path = warehouse.path(Tables.PREDICTIONS);
    DiskFullException.guard(
        path,
        () ->
            CommitRetry.run(
                () ->
                    rows.write()
                        .format("delta")
                        .mode("overwrite")
                        .partitionBy(PARTITIONS.toArray(String[]::new))
                        .option("replaceWhere", where)
                        .save(path)));
  }

  /** {@code scored} (columns {@link #SCORED}) as rows of the table: whose scores, which split. */
  public static Dataset<Row> rows(
      String runId, String member, String genotypeHash, Split split, Dataset<Row> scored) {
    return scored.select(
        lit(runId).as("run_id"),
        lit(member).as("member"),
        lit(genotypeHash).as("genotype_hash"),
        lit(split.value()).as("split"),
        col("sample").cast("long"),
        col("label").cast("int"),
        col("logits").cast("array<float>"));
  }

  /** Every recorded row of {@code runId}'s members (every member when {@code members} is null). */
  public Dataset<Row> of(String runId, List<String> members, Split split) {
    Column c = col("run_id").equalTo(runId).and(col("split").equalTo(split.value()));
    if (members != null) {
      c = c.and(col("member").isin(members.toArray()));
    }
    return warehouse.read(Tables.PREDICTIONS).where(c);
  }

  /** The members of {@code runId} with rows of every split: those an ensemble can take. */
  public Set<String> membersWithEverySplit(String runId) {
    Set<String> out = new TreeSet<>(members(runId, Split.TEST));
    out.retainAll(members(runId, Split.WEIGHTS));
    return out;
  }

  /** The members of {@code runId} with rows of {@code split}. */
  public List<String> members(String runId, Split split) {
    return of(runId, null, split)
        .select("member")
        .distinct()
        .orderBy("member")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }

  private static String where(String runId, String member, Split split) {
    return "run_id = "
        + quoted(runId)
        + " AND member = "
        + quoted(member)
        + " AND split = "
        + quoted(split.value());
  }

  /** A SQL string literal: ids are user input. */
  private static String quoted(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
