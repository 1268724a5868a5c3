package org.moodnas.nn.ops;

import ai.djl.engine.Engine;
import java.util.function.Supplier;

/**
 * The engine's random generator is one per process: a training that seeds it and then draws its
 * initial weights must not have another thread draw in between, or neither training's weights
 * follow its seed. Every draw from it goes through here; trainings draw only while initializing
 * (drop path and augmentation use generators of their own).
 */
public final class TorchRandom {

  private static final Object GENERATOR = new Object();

  private TorchRandom() {}

  /** Seeds the generator and runs {@code draws} with nothing else drawing in between. */
  public static void seeded(long seed, Runnable draws) {
    synchronized (GENERATOR) {
      Engine.getInstance().setRandomSeed((int) seed);
      draws.run();
    }
  }

  /** Runs {@code draws} (that need no particular seed) while nothing else draws. */
  public static <T> T draw(Supplier<T> draws) {
    synchronized (GENERATOR) {
      return draws.get();
    }
  }
}
