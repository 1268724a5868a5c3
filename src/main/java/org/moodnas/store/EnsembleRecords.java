package org.moodnas.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moodnas.core.EnsembleResult;
import org.moodnas.core.EnsembleSpec;
import scala.jdk.javaapi.CollectionConverters;

/** The warehouse's {@code ensembles}: one row per ensemble run. */
public final class EnsembleRecords {

  private final Warehouse warehouse;

  public EnsembleRecords(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Appends one ensemble; a run id recorded before is skipped. */
  public void record(String runId, EnsembleSpec spec, EnsembleResult r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("run_id", runId);
    row.put("source_run_id", spec.trainRun());
    row.put("members", CollectionConverters.asScala(spec.members()).toSeq());
    row.put("mode", spec.mode().toString());
    row.put("weights", weightsJson(r.weights()));
    row.put("params", r.params());
    row.put("test_top1", r.testTop1());
    row.put("test_top5", r.testTop5());
    row.put("test_loss", r.testLoss());
    row.put("train_top1", r.trainTop1());
    row.put("train_top5", r.trainTop5());
    row.put("train_loss", r.trainLoss());
    row.put("train_portion", spec.trainPortion());
    row.put("held_out_top1", r.heldOutTop1());
    row.put("created_at", Timestamp.from(Instant.now()));
    warehouse.append(Tables.ENSEMBLES, List.of(row), runId, List.of("run_id"));
  }

  /** weights[member][class] as a JSON array of arrays. */
  public static String weightsJson(double[][] weights) {
    try {
      return new ObjectMapper().writeValueAsString(weights);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
