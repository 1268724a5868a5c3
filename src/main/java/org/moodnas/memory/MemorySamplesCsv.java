package org.moodnas.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads memory samples in the published batch_data.csv layout: a header, then rows of model size
 * (millions of parameters), batch size and GPU MB.
 */
public final class MemorySamplesCsv {

  /** The published samples, shipped in the jar. */
  public static final String PUBLISHED = "/org/moodnas/memory/batch_data.csv";

  private MemorySamplesCsv() {}

  public static List<MemorySample> published() {
    try (InputStream in = MemorySamplesCsv.class.getResourceAsStream(PUBLISHED)) {
      return parse("batch_data.csv (bundled)", in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a CSV from any Hadoop path (file:, hdfs:, s3a:, or a plain local path). */
  public static List<MemorySample> read(String path, Configuration conf) {
    Path p = new Path(path);
    try (InputStream in = p.getFileSystem(conf).open(p)) {
      return parse(path, in);
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalArgumentException("memory samples " + path + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("memory samples " + path + ": " + e.getMessage(), e);
    }
  }

  static List<MemorySample> parse(String name, InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (header == null || header.split(",", -1).length != 3) {
      throw new IllegalArgumentException(
          name + ": expected a header of 3 columns (model size, batch size, GPU mb)");
    }
    List<MemorySample> out = new ArrayList<>();
    int lineNo = 1;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != 3) {
        throw new IllegalArgumentException(
            name + " line " + lineNo + ": expected 3 values, found " + cells.length);
      }
      try {
        out.add(
            new MemorySample(
                Double.parseDouble(cells[0].trim()),
                Integer.parseInt(cells[1].trim()),
                Double.parseDouble(cells[2].trim())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            name + " line " + lineNo + ": '" + line + "' is not three numbers");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " line " + lineNo + ": " + e.getMessage());
      }
    }
    if (out.size() < 6) {
      throw new IllegalArgumentException(
          name + ": " + out.size() + " samples; a degree-2 model of 2 inputs needs at least 6");
    }
    return out;
  }
}
