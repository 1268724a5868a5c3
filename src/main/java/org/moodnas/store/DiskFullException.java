package org.moodnas.store;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A write into the warehouse that found its file system full, naming the file or table it was
 * writing. The failure arrives in many wrappings: Hadoop's local file system throws {@code FSError}
 * (an {@code Error}) around the {@code IOException} "No space left on device", and a Spark task
 * writing a table wraps that again ([TASK_WRITE_FAILED], "Task failed while writing rows"), whose
 * text never says the disk is full: so the whole chain is searched for the system's words.
 */
public final class DiskFullException extends RuntimeException {

  private static final String ENOSPC = "no space left on device";

  public DiskFullException(String path, Throwable cause) {
    super(path + ": " + ENOSPC, cause);
  }

  /** Runs a write into {@code path}; a full file system under it is one of these, naming it. */
  static void guard(String path, Runnable write) {
    try {
      write.run();
    } catch (RuntimeException | Error e) {
      if (causedBy(e)) {
        throw new DiskFullException(path, e);
      }
      throw e;
    }
  }

  /** Whether a full file system is among {@code t}'s causes or suppressed exceptions. */
  public static boolean causedBy(Throwable t) {
    return walk(t, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean walk(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return false;
    }
    if (t instanceof DiskFullException
        || (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(ENOSPC))) {
      return true;
    }
    for (Throwable s : t.getSuppressed()) {
      if (walk(s, seen)) {
        return true;
      }
    }
    return walk(t.getCause(), seen);
  }

  /** The first of these in {@code t}'s causes: the one that names what was being written. */
  public static Optional<DiskFullException> in(Throwable t) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (c instanceof DiskFullException d) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
