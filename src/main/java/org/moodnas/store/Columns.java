package org.moodnas.store;

import java.util.Locale;
import org.moodnas.space.Genotype;

/** Conversions between the tables' column values and the project's value types. */
final class Columns {

  private Columns() {}

  /** An enum stored as its lower-case name ("ok", "per_class"). */
  static <E extends Enum<E>> E enumOf(Class<E> type, String stored) {
    return Enum.valueOf(type, stored.toUpperCase(Locale.ROOT));
  }

  static String json(Genotype g) {
    return g == null ? null : g.toJson();
  }

  static Genotype genotype(String json) {
    return json == null ? null : Genotype.fromJson(json);
  }
}
