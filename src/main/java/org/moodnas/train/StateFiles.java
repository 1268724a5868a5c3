package org.moodnas.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One trial's folder of training states (any Hadoop file system): {@code state-N.ckpt}, N rising. A
 * state is written as a hidden temporary file and renamed, so a reader never sees half of one, and
 * the older states are deleted only once the new one is complete. Writing happens on a thread of
 * its own: the trainer hands over bytes already copied to host memory and trains on, and waits only
 * when the previous write has not finished yet.
 */
public final class StateFiles implements AutoCloseable {

  private static final Pattern NAME = Pattern.compile("state-(\\d+)\\.ckpt");

  private final Path folder;
  private final FileSystem fs;
  private final ExecutorService writer;
  private Future<?> pending;
  private long next;

  public StateFiles(String folder) {
    this.folder = new Path(folder);
    try {
      this.fs = this.folder.getFileSystem(new Configuration());
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": " + e.getMessage(), e);
    }
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "mood-nas checkpoint writer");
              t.setDaemon(true);
              return t;
            });
    this.next = states().stream().mapToLong(this::number).max().orElse(-1) + 1;
  }

  public String folder() {
    return folder.toString();
  }

  /** The complete states, newest first. */
  public List<Path> states() {
    List<Path> out = new ArrayList<>();
    try {
      if (!fs.exists(folder)) {
        return out;
      }
      for (FileStatus s : fs.listStatus(folder)) {
        if (s.isFile() && NAME.matcher(s.getPath().getName()).matches()) {
          out.add(s.getPath());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparingLong(this::number).reversed());
    return out;
  }

  /** The newest complete state's bytes, if any. */
  public Optional<byte[]> newest() {
    List<Path> states = states();
    if (states.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = fs.open(states.get(0))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return Optional.of(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(states.get(0) + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code state} as the next state, in the background once the previous write is done. */
  public void write(byte[] state) {
    await();
    long n = next++;
    pending = writer.submit(() -> store(n, state));
  }

  /** Waits for the write in progress; rethrows its failure. */
  public void await() {
    if (pending == null) {
      return;
    }
    try {
      pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing a checkpoint to " + folder, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } finally {
      pending = null;
    }
  }

  private Void store(long n, byte[] state) {
    Path target = new Path(folder, String.format("state-%d.ckpt", n));
    Path tmp = new Path(folder, "." + target.getName() + ".tmp");
    try {
      fs.mkdirs(folder);
      try (FSDataOutputStream out = fs.create(tmp, true)) {
        out.write(state);
      }
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
      for (Path older : states()) {
        if (number(older) < n) {
          fs.delete(older, false);
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write checkpoint " + target + ": " + e.getMessage(), e);
    }
  }

  private long number(Path p) {
    Matcher m = NAME.matcher(p.getName());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** Waits for the last write, then stops the writer thread. */
  @Override
  public void close() {
    try {
      await();
    } finally {
      writer.shutdown();
    }
  }
}
