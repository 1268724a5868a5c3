package org.moodnas.core;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of a trial's training-state folder ({@code checkpoints/RUN/training/KEY/}): written by
 * the trainer, deleted by the driver once the trial's result is recorded. Here, in {@code core}, so
 * that both sides (the executors import no {@code store}) name a trial the same way.
 */
public final class TrainingStateKeys {

  private TrainingStateKeys() {}

  /**
   * {@code trial-INDEX-HASH}. The weight's hash is in the key because a resumed sweep gives the
   * index of a trial cut short to the next proposal, whose weight may differ: its training must not
   * continue from the cut trial's state.
   */
  public static String search(int index, Weight weight) {
    if (index < 0) {
      throw new IllegalArgumentException("trial index must be ≥ 0, got " + index);
    }
    return "trial-" + index + "-" + hash(weight);
  }

  /**
   * An evaluation's key: its arch name, as its network's {@code ARCH.ckpt} (a run trains each arch
   * once).
   */
  public static String evaluation(String arch) {
    return java.util.Objects.requireNonNull(arch, "arch");
  }

  /**
   * The first 8 hex digits of the SHA-256 of ν and the criterion weight as IEEE-754 bits (not as
   * text: Double.toString changed its digits in Java 19, and a key must outlive an upgrade).
   */
  static String hash(Weight weight) {
    ByteBuffer bits = ByteBuffer.allocate(16);
    // + 0.0 makes -0.0 (which Weight admits) the same key as 0.0
    bits.putDouble(weight.nu() + 0.0).putDouble(weight.criterionWeight() + 0.0);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bits.array());
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
