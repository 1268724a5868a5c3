package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.io.Serializable;
import java.util.List;

/**
 * Where a training runs, as users write it ("cpu", "gpu:N"): a value a Spark task can carry; the
 * trainer turns it into engine devices where the work runs. A data-parallel training holds several
 * devices, one per shard of each batch ("gpu:0,1,2,3"; "cpu*2": two shards on the CPU, the same
 * code path on one device); {@code indices} has one entry per shard (-1 for the CPU).
 */
public record DeviceSpec(boolean gpu, List<Integer> indices) implements Serializable {

  public static final DeviceSpec CPU = new DeviceSpec(false, -1);

  public DeviceSpec {
    indices = List.copyOf(indices);
    require(!indices.isEmpty(), "gpusPerTrial", "must be ≥ 1, got 0");
    require(
        gpu
            ? indices.stream().distinct().count() == indices.size()
            : indices.stream().allMatch(i -> i == -1),
        "device",
        "a training's GPUs must be distinct, got " + indices);
  }

  /** One device. */
  public DeviceSpec(boolean gpu, int index) {
    this(gpu, List.of(index));
  }

  /** "cpu", "cpu*N", "gpu:N" or "gpu:N,M,…". */
  public static DeviceSpec parse(String text) {
    if (text.equals("cpu")) {
      return CPU;
    }
    if (text.matches("cpu\\*\\d{1,4}")) {
      return CPU.withShards(Integer.parseInt(text.substring(4)));
    }
    if (text.matches("gpu:\\d{1,4}(,\\d{1,4})*")) {
      return new DeviceSpec(
          true,
          java.util.Arrays.stream(text.substring(4).split(",")).map(Integer::valueOf).toList());
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a device; use cpu or gpu:N (several: cpu*N, gpu:N,M,…)");
  }

  public static DeviceSpec gpu(int index) {
    return new DeviceSpec(true, index);
  }

  /** The first (or only) device: where the parameters, the optimizer and evaluation live. */
  public int index() {
    return indices.get(0);
  }

  /** How many shards each training batch is split into. */
  public int shards() {
    return indices.size();
  }

  /** What one of this spec's devices trains of {@code batch} images: its largest shard. */
  public int largestShard(int batch) {
    return largestShard(batch, shards());
  }

  /** The largest of {@code shards} shards of {@code batch} images split as evenly as can be. */
  public static int largestShard(int batch, int shards) {
    return (batch + shards - 1) / shards;
  }

  /** The first device alone. */
  public DeviceSpec first() {
    return new DeviceSpec(gpu, index());
  }

  /**
   * {@code n} shards from the first device: on the CPU all on it, on GPUs the first and the next n
   * − 1 indices.
   */
  public DeviceSpec withShards(int n) {
    require(n >= 1, "gpusPerTrial", "must be ≥ 1, got " + n);
    return new DeviceSpec(
        gpu,
        java.util.stream.IntStream.range(0, n).map(i -> gpu ? index() + i : -1).boxed().toList());
  }

  @Override
  public String toString() {
    if (!gpu) {
      return shards() == 1 ? "cpu" : "cpu*" + shards();
    }
    return "gpu:" + String.join(",", indices.stream().map(String::valueOf).toList());
  }
}
