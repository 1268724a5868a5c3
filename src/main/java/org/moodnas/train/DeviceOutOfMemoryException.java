package org.moodnas.train;

/**
 * The device ran out of memory at this batch size. Callers catch it to retry with a smaller batch
 * (the memory model's prediction was too optimistic).
 */
public class DeviceOutOfMemoryException extends RuntimeException {

  private final int batchSize;

  public DeviceOutOfMemoryException(String device, int batchSize, Throwable cause) {
    super("out of memory on " + device + " at batch size " + batchSize, cause);
    this.batchSize = batchSize;
  }

  public int batchSize() {
    return batchSize;
  }

  /** True when an engine error is the device's out-of-memory (CUDA or host allocator). */
  public static boolean isOutOfMemory(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage();
      if (c instanceof OutOfMemoryError
          || (m != null
              && (m.contains("out of memory")
                  || m.contains("DefaultCPUAllocator: can't allocate")))) {
        return true;
      }
    }
    return false;
  }
}
