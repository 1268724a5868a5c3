package org.moodnas.cli;

/** Checks shared by the memory-model commands. */
final class MemoryArgs {

  private MemoryArgs() {}

  static void checkParams(double paramsMb) {
    if (!(paramsMb > 0) || !Double.isFinite(paramsMb)) {
      throw new IllegalArgumentException(
          "--params-mb " + paramsMb + " is not a positive number of millions of parameters");
    }
  }
}
