package org.moodnas.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Looks an enumeration's constant up by the name users type and tables store (its {@code
 * toString()}, case-insensitive, trimmed); an unknown name is an error naming the known ones.
 */
final class EnumNames {

  private EnumNames() {}

  /** The constant of {@code values} called {@code name}; {@code what} names the kind in errors. */
  static <E extends Enum<E>> E byName(E[] values, String name, String what) {
    String wanted = name == null ? "" : name.trim();
    for (E e : values) {
      if (e.toString().equalsIgnoreCase(wanted)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown "
            + what
            + " '"
            + name
            + "'; known: "
            + Arrays.stream(values).map(Object::toString).collect(Collectors.joining(", ")));
  }
}
