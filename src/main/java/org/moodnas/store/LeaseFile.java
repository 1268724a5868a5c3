package org.moodnas.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/** A lease file: its holder as JSON, created only if no file of that name exists. */
final class LeaseFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LeaseFile() {}

  static boolean createExclusively(FileSystem fs, Path p, byte[] content) throws IOException {
    fs.mkdirs(p.getParent());
    if (fs instanceof LocalFileSystem local) {
      // Hadoop's local create checks, then creates: not atomic between processes; O_EXCL is.
      try {
        Files.write(
            local.pathToFile(p).toPath(), content, java.nio.file.StandardOpenOption.CREATE_NEW);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(p, false)) {
      out.write(content);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
  }

  static byte[] encode(LeaseHolder h) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", h.runId());
    m.put("host", h.host());
    m.put("pid", h.pid());
    m.put("process_started_at", h.processStartedAt().toString());
    m.put("since", h.since().toString());
    m.put("token", h.token());
    return JSON.writeValueAsBytes(m);
  }

  /** The holder, or null while its file is being written (or was cut short by a kill). */
  static LeaseHolder decode(FileSystem fs, Path p) throws IOException {
    try (var in = fs.open(p)) {
      Map<?, ?> m = JSON.readValue(in.readAllBytes(), Map.class);
      return new LeaseHolder(
          (String) m.get("run_id"),
          (String) m.get("host"),
          ((Number) m.get("pid")).longValue(),
          Instant.parse((String) m.get("process_started_at")),
          Instant.parse((String) m.get("since")),
          (String) m.get("token"));
    } catch (com.fasterxml.jackson.core.JacksonException | RuntimeException e) {
      return null;
    }
  }
}
