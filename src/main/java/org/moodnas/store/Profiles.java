package org.moodnas.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.Latency;
import org.moodnas.core.LatencySpec;
import org.moodnas.core.LatencySync;
import org.moodnas.core.NetworkKind;
import org.moodnas.core.ProfileRecord;

/**
 * The warehouse's {@code profiles}: what each genotype's network costs (parameters, FLOPs, latency)
 * at a width, depth and number of classes, recorded by {@code profile --record} and by every train
 * run. A measurement is recorded once per {@link #KEY}: recording it again appends nothing.
 */
public final class Profiles {

  /** What makes two rows the same measurement (a null equals a null). */
  public static final List<String> KEY =
      List.of(
          "genotype_hash",
          "network",
          "init_channels",
          "layers",
          "classes",
          "latency_device",
          "batch_size",
          "device",
          "latency_sync");

  private final Warehouse warehouse;

  public Profiles(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Appends the profiles whose key is not recorded yet (safe with writers at once). */
  public void record(List<ProfileRecord> profiles) {
    if (profiles.isEmpty()) {
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ProfileRecord p : profiles) {
      rows.add(row(p));
    }
    warehouse.insertNew(Tables.PROFILES, rows, KEY);
  }

  /** Every recorded profile, oldest first. */
  public List<ProfileRecord> read() {
    return records(warehouse.read(Tables.PROFILES).orderBy("measured_at", "genotype_hash"));
  }

  /**
   * The most recent profile of each network (genotype, family, width, depth, classes) on each kind
   * of latency device, a row without latency counting as a device of its own.
   */
  public List<ProfileRecord> latest() {
    var newestFirst =
        Window.partitionBy(
                "genotype_hash", "network", "init_channels", "layers", "classes", "latency_device")
            .orderBy(col("measured_at").desc());
    return records(
        warehouse
            .read(Tables.PROFILES)
            .withColumn("newest", row_number().over(newestFirst))
            .where(col("newest").equalTo(1))
            .drop("newest")
            .orderBy("genotype_hash", "network", "init_channels", "layers", "classes"));
  }

  /** Where the table is. */
  public String where() {
    return warehouse.path(Tables.PROFILES);
  }

  static Map<String, Object> row(ProfileRecord p) {
    Latency l = p.latency();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("genotype_hash", p.genotype().hash());
    c.put("name", p.name());
    c.put("genotype", Columns.json(p.genotype()));
    c.put("network", p.network().toString());
    c.put("init_channels", p.initChannels());
    c.put("layers", p.layers());
    c.put("classes", p.classes());
    c.put("params", p.params());
    c.put("params_with_aux", p.paramsWithAux());
    c.put("param_size_mb", p.paramSizeMb());
    c.put("flops", p.flops());
    c.put("latency_ms", l == null ? null : l.meanMs());
    c.put("latency_device", l == null ? null : l.spec().deviceKind());
    c.put("batch_size", l == null ? null : l.spec().batchSize());
    c.put("warmup", l == null ? null : l.spec().warmup());
    c.put("runs", l == null ? null : l.spec().runs());
    c.put("device", l == null ? null : l.device());
    c.put("latency_sync", l == null ? null : l.spec().sync().toString());
    c.put("source", p.source());
    c.put("measured_at", Timestamp.from(p.measuredAt()));
    return c;
  }

  private static List<ProfileRecord> records(Dataset<Row> frame) {
    List<ProfileRecord> out = new ArrayList<>();
    for (Row r : frame.collectAsList()) {
      out.add(
          new ProfileRecord(
              Columns.genotype(r.getAs("genotype")),
              r.getAs("name"),
              Columns.enumOf(NetworkKind.class, r.getAs("network")),
              r.<Integer>getAs("init_channels"),
              r.<Integer>getAs("layers"),
              r.<Integer>getAs("classes"),
              r.<Long>getAs("params"),
              r.<Long>getAs("params_with_aux"),
              r.<Long>getAs("flops"),
              latency(r),
              r.getAs("source"),
              r.<Timestamp>getAs("measured_at").toInstant()));
    }
    return out;
  }

  /** Rows measured before the column existed waited for every pass. */
  private static LatencySync sync(String stored) {
    return stored == null ? LatencySync.EVERY_PASS : LatencySync.byName(stored);
  }

  private static Latency latency(Row r) {
    Double ms = r.getAs("latency_ms");
    if (ms == null) {
      return null;
    }
    String device = r.getAs("device");
    // The description starts with the device as users write it: "gpu:0 (…)", "cpu (2 threads) …".
    LatencySpec spec =
        new LatencySpec(
            DeviceSpec.parse(device.split(" ", 2)[0]),
            r.<Integer>getAs("batch_size"),
            r.<Integer>getAs("warmup"),
            r.<Integer>getAs("runs"),
            sync(r.getAs("latency_sync")));
    return new Latency(ms, spec, device);
  }
}
