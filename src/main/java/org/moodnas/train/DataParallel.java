package org.moodnas.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.moodnas.core.DeviceSpec;
import org.moodnas.data.Batch;
import org.moodnas.nn.ops.GraphConstant;
import org.moodnas.nn.ops.ShardGroup;

/**
 * A training step's forward pass over a batch split into consecutive shards, one per device, each
 * on its own thread with PyTorch's grad mode on: batch normalization and drop path see the whole
 * batch through the step's {@link ShardGroup}. Shards on another device than the first read the
 * parameters through recorded copies, so backward sums every shard's gradient into the one set of
 * parameters on the first device; the caller runs one backward over the shards' losses weighted by
 * their share of the batch, and one optimizer step: the update of the whole batch on one device.
 */
final class DataParallel {

  private static final ExecutorService THREADS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "mood-nas-shard");
            t.setDaemon(true);
            return t;
          });

  /** One shard's forward pass: its images and labels in, its loss terms out (scalars). */
  interface ShardPass {
    Terms run(NDList xy, ParameterStore store);
  }

  /**
   * A pass's figures over a batch or a shard: a batch mean (the shards' are weighted by their share
   * of the batch) and a count (the shards' are added).
   */
  record Terms(NDArray mean, NDArray count) {}

  private final List<Device> devices;
  private final boolean syncNorm;

  /** {@code syncNorm} false keeps per-shard batch statistics (nn.DataParallel; for comparison). */
  DataParallel(List<Device> devices, boolean syncNorm) {
    this.devices = List.copyOf(devices);
    this.syncNorm = syncNorm;
  }

  /** The data-parallel pass of {@code spec}'s devices, null for one device. */
  static DataParallel of(DeviceSpec spec) {
    return spec.shards() == 1 ? null : new DataParallel(Devices.all(spec), true);
  }

  /** Sizes of the shards of {@code count} images: as even as can be, no shard empty. */
  int[] split(int count) {
    int k = Math.min(devices.size(), count);
    int[] sizes = new int[k];
    for (int i = 0; i < k; i++) {
      sizes[i] = count / k + (i < count % k ? 1 : 0);
    }
    return sizes;
  }

  /**
   * Runs {@code pass} on every shard of {@code batch} and combines the shards' terms on the first
   * device: the means weighted by each shard's share of the batch, the counts added. The result is
   * in {@code scope}, recorded for backward.
   */
  Terms forward(Batch batch, NDManager scope, ShardPass pass) {
    int[] sizes = split(batch.count());
    ShardGroup group = new ShardGroup(sizes, syncNorm);
    ParameterStore store = new ReplicaStore(scope);
    int threads = Math.max(1, JniUtils.getNumThreads() / sizes.length);
    List<Future<Terms>> futures = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < sizes.length; i++) {
      NDManager m = scope.newSubManager(devices.get(i));
      NDList xy = BatchArrays.of(part(batch, offset, sizes[i]), m);
      offset += sizes[i];
      int shard = i;
      futures.add(
          THREADS.submit(
              () -> {
                Devices.useCpuThreads(threads);
                JniUtils.setGradMode(true);
                try {
                  return group.runAs(shard, () -> pass.run(xy, store));
                } finally {
                  JniUtils.setGradMode(false);
                }
              }));
    }
    List<Terms> terms = results(futures);
    NDArray mean = null;
    NDArray count = null;
    for (int i = 0; i < sizes.length; i++) {
      NDArray m = terms.get(i).mean().toDevice(scope.getDevice(), false);
      m = m.mul(GraphConstant.scalar(scope, (double) sizes[i] / batch.count()));
      mean = mean == null ? m : mean.add(m);
      NDArray c = terms.get(i).count().toDevice(scope.getDevice(), false);
      count = count == null ? c : count.add(c);
    }
    mean.attach(scope);
    count.attach(scope);
    return new Terms(mean, count);
  }

  /** Every shard's terms; a shard's own failure rather than the others' wait for it. */
  private static List<Terms> results(List<Future<Terms>> futures) {
    List<Terms> out = new ArrayList<>();
    Throwable failure = null;
    for (Future<Terms> f : futures) {
      try {
        out.add(f.get());
      } catch (ExecutionException e) {
        boolean secondary = e.getCause() instanceof ShardGroup.ShardFailedException;
        if (failure == null || (!secondary && failure instanceof ShardGroup.ShardFailedException)) {
          failure = e.getCause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the shards ran", e);
      }
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    return out;
  }

  /** Images {@code offset} … {@code offset + n − 1} of {@code batch}. */
  static Batch part(Batch b, int offset, int n) {
    int image = b.channels() * b.height() * b.width();
    return new Batch(
        Arrays.copyOfRange(b.data(), offset * image, (offset + n) * image),
        Arrays.copyOfRange(b.labels(), offset, offset + n),
        n,
        b.channels(),
        b.height(),
        b.width());
  }

  /**
   * The parameters themselves on their own device; elsewhere one copy per device and step, made
   * under the shard's grad mode, so autograd carries its gradient back to the parameter.
   */
  private static final class ReplicaStore extends ParameterStore {
    private final NDManager scope;
    private final Map<String, NDArray> replicas = new ConcurrentHashMap<>();

    ReplicaStore(NDManager scope) {
      super(scope, false);
      this.scope = scope;
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
      if (parameter == null) {
        return null;
      }
      NDArray array = parameter.getArray();
      if (array.getDevice().equals(device)) {
        return array;
      }
      return replicas.computeIfAbsent(
          parameter.getId() + "@" + device,
          k -> {
            NDArray copy = array.toDevice(device, false);
            copy.attach(scope);
            return copy;
          });
    }
  }
}
