package org.moodnas.run;

import org.moodnas.core.RunKind;
import org.moodnas.store.RunRecord;
import org.moodnas.store.Runs;
import org.moodnas.store.Warehouse;

/**
 * A recorded run looked up by id for a job that needs it of one kind. The failures say what is
 * wrong about the id; the command line prefixes the option that gave it.
 */
public final class RecordedRun {

  /** The id names no run, or a run of another kind; {@link #problem()} completes the option. */
  public static final class LookupException extends IllegalArgumentException {
    private final String problem;

    LookupException(String problem) {
      super(problem);
      this.problem = problem;
    }

    /** Completes "OPTION…": ": no run 'x' in the warehouse …" or " x: a search run, not …". */
    public String problem() {
      return problem;
    }
  }

  /** A new run's id is already recorded. */
  public static final class AlreadyRecordedException extends IllegalArgumentException {
    private final String id;

    AlreadyRecordedException(String id) {
      super(id + ": already in the warehouse");
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  private RecordedRun() {}

  /** The recorded run {@code id} of {@code kind}. */
  public static RunRecord of(Warehouse warehouse, String id, RunKind kind) {
    RunRecord run =
        new Runs(warehouse)
            .find(id)
            .orElseThrow(
                () ->
                    new LookupException(
                        ": no run '" + id + "' in the warehouse " + warehouse.root()));
    if (run.kind() != kind) {
      throw new LookupException(" " + id + ": a " + run.kind() + " run, not a " + kind + " run");
    }
    return run;
  }
}
