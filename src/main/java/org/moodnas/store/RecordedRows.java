package org.moodnas.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * After an idempotent append, the rows must be in the table: a {@code _delta_log} that records the
 * transaction but lost its rows (damaged by hand or by a broken copy) would otherwise make Delta
 * skip every later append of the same key, a gap for good.
 */
final class RecordedRows {

  private final Warehouse warehouse;

  RecordedRows(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  void check(
      Tables table,
      List<Map<String, Object>> rows,
      String key,
      long version,
      List<String> keyColumns) {
    Set<List<Object>> expected = new HashSet<>();
    for (Map<String, Object> row : rows) {
      expected.add(keyColumns.stream().map(row::get).toList());
    }
    Column[] keys = keyColumns.stream().map(functions::col).toArray(Column[]::new);
    Object[] firsts = expected.stream().map(k -> k.get(0)).distinct().toArray();
    // one scan, no shuffle: a run's keys are few
    for (Row r : warehouse.read(table).where(keys[0].isin(firsts)).select(keys).collectAsList()) {
      List<Object> k = new ArrayList<>(keys.length);
      for (int i = 0; i < keys.length; i++) {
        k.add(r.get(i));
      }
      expected.remove(k);
    }
    if (!expected.isEmpty()) {
      throw new IllegalStateException(
          "table "
              + table.tableName()
              + " at "
              + warehouse.path(table)
              + " is damaged: its _delta_log holds the append of "
              + key
              + " (txnAppId "
              + table.tableName()
              + "/"
              + key
              + ", txnVersion "
              + version
              + ") but not its rows; restore the table from a copy");
    }
  }
}
