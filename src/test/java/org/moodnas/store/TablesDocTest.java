package org.moodnas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/** docs/tables.md lists every table's columns as the code defines them. */
class TablesDocTest {

  /** "## table" sections: each a list of "name type null" column lines from its table. */
  private static Map<String, List<String>> documented() throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> columns = null;
    for (String line : Files.readAllLines(Path.of("docs/tables.md"))) {
      if (line.startsWith("## ")) {
        columns = new ArrayList<>();
        out.put(line.substring(3).strip(), columns);
      } else if (columns != null
          && line.startsWith("| ")
          && !line.startsWith("| column")
          && !line.startsWith("| ---")) {
        String[] cells = line.split(" \\| ");
        columns.add(cells[0].substring(2) + " " + cells[1] + " " + cells[2]);
      }
    }
    return out;
  }

  @Test
  void everyTableIsDocumentedWithItsColumnsInOrder() throws IOException {
    Map<String, List<String>> code = new LinkedHashMap<>();
    for (Tables t : Tables.values()) {
      List<String> columns = new ArrayList<>();
      for (StructField f : t.schema().fields()) {
        columns.add(
            f.name() + " " + f.dataType().simpleString() + " " + (f.nullable() ? "yes" : "no"));
      }
      code.put(t.tableName(), columns);
    }
    assertThat(documented()).isEqualTo(code);
  }
}
