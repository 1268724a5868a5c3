package org.moodnas.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * File access through Hadoop's {@link FileSystem}, so that every reader takes file:, hdfs: and s3a:
 * paths alike (datasets are read on the executors).
 */
final class HadoopFiles {

  private HadoopFiles() {}

  static FileSystem fs(Path path, Configuration conf) {
    try {
      return path.getFileSystem(conf);
    } catch (IOException e) {
      throw new DatasetFormatException(path.toString(), "no file system: " + e.getMessage(), e);
    }
  }

  static boolean exists(Path path, Configuration conf) {
    try {
      return fs(path, conf).exists(path);
    } catch (IOException e) {
      throw new DatasetFormatException(path.toString(), "cannot check: " + e.getMessage(), e);
    }
  }

  /** Entries of a folder sorted by name; a missing folder is a DatasetFormatException. */
  static FileStatus[] list(Path dir, Configuration conf) {
    try {
      FileStatus[] entries = fs(dir, conf).listStatus(dir);
      Arrays.sort(entries, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      return entries;
    } catch (java.io.FileNotFoundException e) {
      throw new DatasetFormatException(dir.toString(), "no such folder");
    } catch (IOException e) {
      throw new DatasetFormatException(dir.toString(), "cannot list: " + e.getMessage(), e);
    }
  }

  /** The whole file; a missing file is a DatasetFormatException. */
  static byte[] readAll(Path file, Configuration conf) {
    FileSystem fs = fs(file, conf);
    try {
      long length = fs.getFileStatus(file).getLen();
      if (length > Integer.MAX_VALUE - 8) {
        throw new DatasetFormatException(file.toString(), length + " bytes is more than 2 GB");
      }
      byte[] data = new byte[(int) length];
      try (InputStream in = fs.open(file)) {
        int off = 0;
        while (off < data.length) {
          int r = in.read(data, off, data.length - off);
          if (r < 0) {
            throw new DatasetFormatException(
                file.toString(), "ended after " + off + " of " + length + " bytes");
          }
          off += r;
        }
      }
      return data;
    } catch (java.io.FileNotFoundException e) {
      throw new DatasetFormatException(file.toString(), "no such file");
    } catch (IOException e) {
      throw new DatasetFormatException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code data} to a temporary file beside {@code file} and renames it into place, so a
   * reader sees the whole file or none; creates the folder.
   */
  static void writeAtomically(Path file, byte[] data, Configuration conf) throws IOException {
    FileSystem fs = fs(file, conf);
    Path tmp = new Path(file.getParent(), "." + file.getName() + "." + java.util.UUID.randomUUID());
    try (java.io.OutputStream out = fs.create(tmp, false)) {
      out.write(data);
    }
    if (!fs.rename(tmp, file)) {
      fs.delete(tmp, false);
      if (!fs.exists(file)) {
        throw new IOException("cannot rename " + tmp + " to " + file);
      }
    }
  }

  /**
   * An open stream over the file's content, gunzipped when the name ends in .gz. Read errors of the
   * gzip layer surface as IOExceptions; {@link #gzipProblem} words them.
   */
  static InputStream open(Path file, Configuration conf) {
    FileSystem fs = fs(file, conf);
    InputStream raw = null;
    try {
      raw = fs.open(file, 1 << 16);
      return file.getName().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    } catch (java.io.FileNotFoundException e) {
      throw new DatasetFormatException(file.toString(), "no such file");
    } catch (IOException e) {
      closeQuietly(raw);
      throw new DatasetFormatException(file.toString(), gzipProblem(e), e);
    }
  }

  /** A short wording of an IOException met while reading a (possibly gzipped) file. */
  static String gzipProblem(IOException e) {
    if (e instanceof EOFException) {
      return "truncated (unexpected end of the compressed stream)";
    }
    if (e instanceof ZipException) {
      return "not a valid gzip file (" + e.getMessage() + ")";
    }
    return "cannot read: " + e.getMessage();
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // already failing; the first error is the one reported
      }
    }
  }
}
