package org.moodnas.store;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.moodnas.core.InvalidSettingException;

/** The warehouse's folder checked before any work: there to read, or creatable and writable. */
final class WarehouseFolder {

  private final String root;
  private final Configuration conf;

  WarehouseFolder(String root, Configuration conf) {
    this.root = root;
    this.conf = conf;
  }

  /** Fails, naming the path, unless the warehouse is an existing folder. */
  public void checkReadable() {
    Path p = new Path(root);
    try {
      FileSystem fs = p.getFileSystem(conf);
      if (!fs.exists(p)) {
        throw new InvalidSettingException("warehouse", root + ": no such folder");
      }
      refuseFile(fs, p);
    } catch (IOException e) {
      throw new InvalidSettingException("warehouse", root + ": cannot be read (" + e + ")");
    }
  }

  /**
   * Fails early, naming the path, when the warehouse cannot be created or written: before a run
   * starts, not at its first record.
   */
  public void checkWritable() {
    Path p = new Path(root);
    try {
      FileSystem fs = p.getFileSystem(conf);
      if (fs.exists(p)) {
        refuseFile(fs, p);
      }
      if (!fs.mkdirs(p)) {
        throw new IOException("cannot create the folder");
      }
      // Permissions say little on object stores; writing a file says it all.
      Path probe = new Path(p, "_write_probe_" + java.util.UUID.randomUUID());
      fs.create(probe, false).close();
      fs.delete(probe, false);
    } catch (IOException | Error e) {
      if (DiskFullException.causedBy(e)) {
        throw new DiskFullException(root, e);
      }
      if (!(e instanceof IOException io)) {
        throw (Error) e;
      }
      throw new InvalidSettingException(
          "warehouse", root + ": not writable (" + ReadOnlySql.firstLine(io) + ")");
    }
  }

  private void refuseFile(FileSystem fs, Path p) throws IOException {
    if (!fs.getFileStatus(p).isDirectory()) {
      throw new InvalidSettingException("warehouse", root + ": a file, not a warehouse folder");
    }
  }
}
