package org.moodnas.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/** The warehouse's {@code ensembles}: one row per ensemble run. */
public final class EnsembleRecords {

  private final Warehouse warehouse;

  public EnsembleRecords(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Appends one ensemble; a run id recorded before is skipped. */
  public void record(
      String runId,
      String sourceRunId,
      List<String> members,
      String mode,
      String weightsJson,
      long params,
      double testTop1,
      double testTop5,
      double testLoss,
      Double trainTop1) {
    Row row =
        RowFactory.create(
            runId,
            sourceRunId,
            CollectionConverters.asScala(members).toSeq(),
            mode,
            weightsJson,
            params,
            testTop1,
            testTop5,
            testLoss,
            trainTop1,
            Timestamp.from(Instant.now()));
    warehouse.append(Tables.ENSEMBLES, List.of(row), runId);
  }
}
