package org.moodnas.nn.ops;

import ai.djl.ndarray.NDArray;
import java.util.concurrent.Phaser;
import java.util.function.Supplier;

/**
 * The shards of one data-parallel training step: a batch split into consecutive parts, each part's
 * forward pass on its own thread (and device). The shards meet where the whole batch must be seen:
 * batch normalization sums its statistics over every shard ({@link #allReduceSum}, which autograd
 * differentiates through), and drop path draws the whole batch's masks once ({@link #fromFirst}). A
 * thread joins the group for the duration of {@link #runAs}; the blocks find it through {@link
 * #current()}, so a network built once serves one device and many.
 */
public final class ShardGroup {

  /** One shard's thread in its group. */
  public record Member(ShardGroup group, int index) {

    public int offset() {
      return group.offsets[index];
    }

    public int size() {
      return group.offsets[index + 1] - group.offsets[index];
    }
  }

  private static final ThreadLocal<Member> CURRENT = new ThreadLocal<>();

  private final int[] offsets;
  private final boolean syncNorm;
  private final Phaser barrier;
  private final Object[] slots;
  private volatile boolean failed;

  /**
   * Shards of {@code sizes} images; {@code syncNorm} false leaves each shard's batch normalization
   * to its own statistics (as PyTorch's nn.DataParallel does), which changes the update.
   */
  public ShardGroup(int[] sizes, boolean syncNorm) {
    offsets = new int[sizes.length + 1];
    for (int i = 0; i < sizes.length; i++) {
      offsets[i + 1] = offsets[i] + sizes[i];
    }
    this.syncNorm = syncNorm;
    barrier = new Phaser(sizes.length);
    slots = new Object[sizes.length];
  }

  /** The shard the calling thread runs, or null outside a data-parallel step. */
  public static Member current() {
    return CURRENT.get();
  }

  public int shards() {
    return slots.length;
  }

  /** Images in the whole batch. */
  public int total() {
    return offsets[slots.length];
  }

  public boolean syncNorm() {
    return syncNorm;
  }

  /** Runs {@code body} on the calling thread as shard {@code index}. */
  public <T> T runAs(int index, Supplier<T> body) {
    CURRENT.set(new Member(this, index));
    try {
      return body.get();
    } catch (RuntimeException | Error e) {
      failed = true; // the other shards stop waiting for this one, now or at their next meeting
      barrier.arriveAndDeregister();
      throw e;
    } finally {
      CURRENT.remove();
    }
  }

  /**
   * The sum of every shard's {@code local} (same shape), on this shard's device, added in shard
   * order so that every shard holds the same value. Differentiable: each shard's term keeps its
   * graph, moved to this device by a recorded copy. Owned by {@code local}'s manager.
   */
  public NDArray allReduceSum(int index, NDArray local) {
    slots[index] = local;
    await();
    NDArray sum = ((NDArray) slots[0]).toDevice(local.getDevice(), false);
    for (int j = 1; j < slots.length; j++) {
      sum = sum.add(((NDArray) slots[j]).toDevice(local.getDevice(), false));
    }
    if (sum != local) {
      sum.attach(local.getManager());
    }
    await(); // no shard closes its term before every shard has added it
    return sum;
  }

  /** What shard 0's {@code make} returns, handed to every shard. */
  @SuppressWarnings("unchecked")
  public <T> T fromFirst(int index, Supplier<T> make) {
    if (index == 0) {
      slots[0] = make.get();
    }
    await();
    T value = (T) slots[0];
    await();
    return value;
  }

  private void await() {
    if (failed) {
      throw new ShardFailedException();
    }
    barrier.arriveAndAwaitAdvance();
    if (failed) {
      throw new ShardFailedException();
    }
  }

  /** Thrown in the shards that were waiting for one that failed; the failure is that one's. */
  public static final class ShardFailedException extends IllegalStateException {
    ShardFailedException() {
      super("another shard of the data-parallel step failed");
    }
  }
}
