package org.moodnas.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.memory.MemorySample;

/**
 * The warehouse's {@code memory_samples}: measured (or imported) GPU memory per model and batch.
 */
public final class MemorySamples {

  /** Where a sample came from. */
  public enum Source {
    csv,
    measured
  }

  private final Warehouse warehouse;

  public MemorySamples(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Appends samples unless samples with this key were appended before. */
  public void append(List<MemorySample> samples, Source source, String key) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (MemorySample s : samples) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("model_size_mb", s.modelSizeMb());
      row.put("batch_size", s.batchSize());
      row.put("gpu_mb", s.gpuMb());
      row.put("source", source.name());
      row.put("measured_at", now);
      rows.add(row);
    }
    // no column names the key: the samples' own values must be there
    warehouse.append(
        Tables.MEMORY_SAMPLES,
        rows,
        key,
        List.of("source", "model_size_mb", "batch_size", "gpu_mb"));
  }

  /** The samples as a frame with the memory model's input columns. */
  public Dataset<Row> frame() {
    return warehouse.read(Tables.MEMORY_SAMPLES).select("model_size_mb", "batch_size", "gpu_mb");
  }

  public List<MemorySample> all() {
    List<MemorySample> out = new ArrayList<>();
    for (Row r : frame().collectAsList()) {
      out.add(
          new MemorySample(
              r.<Double>getAs("model_size_mb"),
              r.<Integer>getAs("batch_size"),
              r.<Double>getAs("gpu_mb")));
    }
    return out;
  }

  public String where() {
    return warehouse.path(Tables.MEMORY_SAMPLES);
  }
}
