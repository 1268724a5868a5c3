package org.moodnas.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.moodnas.core.CodeVersion;

/**
 * One running trial's checkpoints: whether a state to continue from exists and was written for this
 * very trial (the code version and every setting that decides its numbers: its fingerprint), when
 * the next state is due, and the writing of states.
 */
final class TrialCheckpoint implements AutoCloseable {

  private final Checkpointing settings;
  private final Map<String, Object> trial;
  private final StateFiles files;
  private long lastWrite = System.nanoTime();

  /**
   * @param fingerprint what makes this trial this trial (flattened to dotted keys for messages)
   */
  TrialCheckpoint(Checkpointing settings, Object fingerprint) {
    this.settings = settings;
    this.trial = flatten(fingerprint);
    this.files = settings.enabled() ? new StateFiles(settings.folder()) : null;
  }

  /**
   * The newest state of this trial, if one exists; a state of another trial (other code, other
   * settings) is refused with a {@link CheckpointMismatchException} naming what differs, or ignored
   * when the settings say to discard it (the trial starts over and writes over it).
   */
  Optional<StateInput> restore() {
    if (files == null) {
      return Optional.empty();
    }
    Optional<byte[]> newest = files.newest();
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    StateInput in;
    List<String> differences;
    try {
      in = new StateInput(files.folder(), newest.get());
      differences = differences(in.header().get("trial"), trial);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      // unreadable (other format, damaged): refused as a state of another trial would be
      if (settings.discardMismatched()) {
        return Optional.empty();
      }
      throw e instanceof CheckpointMismatchException m
          ? m
          : new CheckpointMismatchException(e.getMessage());
    }
    if (differences.isEmpty()) {
      return Optional.of(in);
    }
    if (settings.discardMismatched()) {
      return Optional.empty();
    }
    throw new CheckpointMismatchException(
        "checkpoint "
            + files.folder()
            + " was written for another trial: "
            + String.join(", ", differences.subList(0, Math.min(3, differences.size())))
            + (differences.size() > 3 ? " and " + (differences.size() - 3) + " more" : ""));
  }

  /** A state is due: checkpoints are on and the interval has passed since the last one. */
  boolean due() {
    return files != null && System.nanoTime() - lastWrite >= settings.every().toNanos();
  }

  boolean enabled() {
    return files != null;
  }

  boolean stopRequested() {
    return settings.stopRequested().getAsBoolean();
  }

  /**
   * Writes a state: the header (format, this trial's fingerprint, where it stands: {@code epoch},
   * {@code step} within it, its {@code batchSize}) and the trainer's {@code body}, copied to host
   * memory now and written in the background.
   */
  void save(int epoch, int step, int batchSize, Consumer<StateOutput> body) {
    if (files == null) {
      return;
    }
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("format", StateOutput.FORMAT);
    header.put("trial", trial);
    header.put("epoch", epoch);
    header.put("step", step);
    header.put("batch_size", batchSize);
    StateOutput out = new StateOutput(header);
    body.accept(out);
    files.write(out.bytes());
    lastWrite = System.nanoTime();
  }

  /** Ends a training asked to stop, once its last state is written. */
  void pause(String training, int epoch, int step) {
    if (files != null) {
      files.await();
    }
    throw new TrainingPausedException(
        training + " paused at epoch " + epoch + ", step " + step + " (checkpointed)");
  }

  @Override
  public void close() {
    if (files != null) {
      files.close();
    }
  }

  /** "key: A there, B here" for each setting that differs, sorted by key. */
  static List<String> differences(Object stored, Map<String, Object> here) {
    Map<String, Object> there =
        stored == null
            ? Map.of()
            : StateOutput.JSON.convertValue(stored, new TypeReference<Map<String, Object>>() {});
    List<String> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(there.keySet());
    keys.addAll(here.keySet());
    for (String k : keys) {
      if (!Objects.equals(there.get(k), here.get(k))) {
        out.add(k + " " + there.get(k) + " there, " + here.get(k) + " here");
      }
    }
    return out;
  }

  /**
   * The fingerprint as JSON values under dotted keys ({@code training.learningRate}), with the code
   * version; the device is left out (a retried task may get another GPU).
   */
  static Map<String, Object> flatten(Object fingerprint) {
    ObjectNode root = StateOutput.JSON.createObjectNode();
    root.put("code_version", CodeVersion.current());
    root.set("trial", StateOutput.JSON.valueToTree(fingerprint));
    Map<String, Object> flat = new LinkedHashMap<>();
    flatten("", root, flat);
    try { // through JSON text, as a stored header is read, so numbers compare alike
      return StateOutput.JSON.readValue(
          StateOutput.JSON.writeValueAsBytes(flat), new TypeReference<Map<String, Object>>() {});
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (!f.getKey().equals("device")) {
          flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
        }
      }
    } else {
      out.put(prefix.replaceFirst("^trial\\.", ""), node.isValueNode() ? node : node.toString());
    }
  }
}
