package org.moodnas.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.moodnas.analysis.report.HtmlReport;
import org.moodnas.store.RunRecord;

/** The report's table of a run's settings, as its config was recorded. */
final class RunSettings {

  private RunSettings() {}

  /** A table of the run's status and every setting of its config, flattened to dotted names. */
  static void add(HtmlReport r, RunRecord run) {
    if (run == null) {
      return;
    }
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("status", run.status().toString()));
    flatten("", readTree(run.configJson()), rows);
    r.heading("Settings of " + run.kind() + " run " + run.runId());
    r.table("Settings of " + run.runId(), List.of("setting", "value"), rows);
  }

  private static JsonNode readTree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("runs.config is JSON", e);
    }
  }

  private static void flatten(String prefix, JsonNode node, List<List<Object>> rows) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e ->
                  flatten(
                      prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                      e.getValue(),
                      rows));
    } else {
      rows.add(List.of(prefix, node.isTextual() ? node.asText() : node.toString()));
    }
  }
}
