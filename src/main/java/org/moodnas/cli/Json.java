package org.moodnas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/** Results as one-line JSON with snake_case keys, the column names of the Delta tables. */
final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /** One field of a stored JSON object as {@code type} (records bind by their snake_case names). */
  static <T> T read(String json, String field, Class<T> type, String what) {
    try {
      com.fasterxml.jackson.databind.JsonNode node = MAPPER.readTree(json).get(field);
      if (node == null || node.isNull()) {
        throw new IllegalArgumentException(what + " has no '" + field + "'");
      }
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + ": unreadable JSON: " + e.getOriginalMessage());
    }
  }
}
