package org.moodnas.profile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.util.Pair;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.LatencySpec;
import org.moodnas.core.LatencySync;
import org.moodnas.core.NetworkKind;
import org.moodnas.core.ProfileRecord;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.nn.ops.SyncBatchNorm;
import org.moodnas.space.GenotypeRegistry;

class ProfilerTest {

  private final Profiler profiler = new Profiler();
  private final GenotypeRegistry registry = GenotypeRegistry.bundled();

  private Profile cifar10(String name) {
    return profiler.count(NetworkSpec.cifar(registry.get(name), 36, 20, 10, false));
  }

  @Test
  void countingDrawsNothingFromTheEngineGenerator() {
    // A training seeds the one engine generator and draws its initial weights; a count on another
    // thread (a training counts its network first) must not take draws from under it.
    float[] plain = drawAfterSeeding(() -> {});
    float[] afterCount =
        drawAfterSeeding(
            () -> profiler.count(NetworkSpec.cifar(registry.get("DARTS_V2"), 8, 5, 10, true)));
    assertThat(afterCount).containsExactly(plain);
  }

  private static float[] drawAfterSeeding(Runnable between) {
    Engine.getInstance().setRandomSeed(7);
    between.run();
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      return m.randomUniform(0, 1, new Shape(8)).toFloatArray();
    }
  }

  @Test
  void pcDartsCifarMatchesThePublishedFigures() {
    Profile p = cifar10("PC_DARTS_cifar");
    assertThat(p.params()).isEqualTo(3_634_678L);
    assertThat(p.paramsWithAux()).isEqualTo(4_111_104L);
    assertThat(p.flops()).isEqualTo(556_670_592L);
    assertThat(p.paramSizeMb()).isEqualTo(3.634678);
  }

  @Test
  void dartsV2MatchesTheParameterCountDartsLogs() {
    // DARTS train.py logs "param size = 3.349342MB" for DARTS_V2 at 36 channels, 20 layers.
    assertThat(cifar10("DARTS_V2").params()).isEqualTo(3_349_342L);
  }

  @Test
  void publishedMemorySamplesUseTheModelSizesOfTheL2Genotypes() throws Exception {
    // batch_data.csv records GPU memory per model size (MB, two decimals) of the published
    // L2 sweep; each of its sizes must be the size of some l2_loss_* genotype.
    Set<String> published;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("/org/moodnas/memory/batch_data.csv"),
                StandardCharsets.UTF_8))) {
      published =
          in.lines()
              .skip(1)
              .map(l -> l.split(",")[0])
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> ours =
        registry.names().stream()
            .filter(n -> n.startsWith("l2_loss_"))
            .map(n -> String.format(Locale.ROOT, "%.2f", cifar10(n).paramSizeMb()))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(published).hasSizeGreaterThan(10);
    assertThat(ours).containsAll(published);
  }

  @Test
  void auxiliaryHeadCountFollowsTheChannelsItReads() {
    // The head reads reduction cell 13: C = |reduce_concat| · 144 channels. Then 1×1 conv C→128,
    // BN(128), 2×2 conv 128→768, BN(768), linear 768→10.
    for (String name : registry.names()) {
      long c = registry.get(name).reduceConcat().size() * 144L;
      long head = c * 128 + 2 * 128 + 128 * 768 * 4 + 2 * 768 + 768 * 10 + 10;
      Profile p = cifar10(name);
      assertThat(p.paramsWithAux() - p.params()).as(name).isEqualTo(head);
    }
  }

  @Test
  void smallerWidthMeansFewerParametersAndFlops() {
    NetworkSpec wide = NetworkSpec.cifar(registry.get("DARTS_V1"), 36, 20, 10, false);
    NetworkSpec narrow = NetworkSpec.cifar(registry.get("DARTS_V1"), 16, 8, 10, false);
    assertThat(profiler.count(narrow).params()).isLessThan(profiler.count(wide).params());
    assertThat(profiler.count(narrow).flops()).isLessThan(profiler.count(wide).flops());
  }

  @Test
  void latencyIsAPositiveMeanOfTheNetworkWithoutBatchNorm() {
    NetworkSpec spec = NetworkSpec.cifar(registry.get("l2_loss_2e01"), 8, 5, 10, false);
    double ms = profiler.latencyMs(spec, new LatencySpec(DeviceSpec.CPU, 2, 1, 3));
    assertThat(ms).isPositive().isLessThan(60_000);
  }

  @Test
  void thePublishedTimingRunsTheTimedPassesUnderOneTimerWaitingForNone() {
    // Warm-ups take 40 ms, timed passes 4 ms: the mean covers the timed passes only.
    List<Boolean> waits = new ArrayList<>();
    LatencySpec spec = new LatencySpec(DeviceSpec.CPU, 1, 2, 3);
    assertThat(spec.sync()).isEqualTo(LatencySync.NONE);
    double ms = Profiler.time(spec, wait -> sleepPass(waits, wait, 2));
    assertThat(waits).containsExactly(false, false, false, false, false);
    assertThat(ms).isGreaterThanOrEqualTo(4).isLessThan(40);
  }

  @Test
  void everyPassTimingWaitsForEachPass() {
    List<Boolean> waits = new ArrayList<>();
    LatencySpec spec = new LatencySpec(DeviceSpec.CPU, 1, 1, 4, LatencySync.EVERY_PASS);
    double ms = Profiler.time(spec, wait -> sleepPass(waits, wait, 1));
    assertThat(waits).hasSize(5).containsOnly(true);
    assertThat(ms).isGreaterThanOrEqualTo(4).isLessThan(40);
  }

  /** A pass of 40 ms for the first {@code warmup} calls, 4 ms after; notes whether it waited. */
  private static void sleepPass(List<Boolean> waits, boolean wait, int warmup) {
    waits.add(wait);
    try {
      Thread.sleep(waits.size() <= warmup ? 40 : 4);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aProfileRecordsHowItsLatencyWasTimed() {
    NetworkSpec small = NetworkSpec.cifar(registry.get("PC_DARTS_cifar"), 8, 3, 10, false);
    LatencySpec everyPass = new LatencySpec(DeviceSpec.CPU, 1, 1, 2, LatencySync.EVERY_PASS);
    ProfileRecord p = profiler.profile(small, "PC_DARTS_cifar", everyPass, "t");
    assertThat(p.latency().spec()).isEqualTo(everyPass);
    assertThat(p.latency().meanMs()).isPositive();
  }

  @Test
  void theTimedNetworkHasNoBatchNormWhileCountsStayThoseOfTheTrainedNetwork() {
    NetworkSpec spec = NetworkSpec.imagenet(registry.get("PC_DARTS_image"), 8, 5, 100, false);
    assertThat(batchNorms(spec.build())).isPositive();
    assertThat(batchNorms(spec.withoutBatchNorm().build())).isZero();
    NetworkSpec cifar = NetworkSpec.cifar(registry.get("PC_DARTS_cifar"), 36, 20, 10, false);
    assertThat(batchNorms(cifar.withoutBatchNorm().build())).isZero();
    // Without BN the network has fewer parameters (BN's scale and shift) and the same FLOPs; a
    // profile with latency still reports the counts of the network as trained.
    Profile trained = profiler.count(cifar);
    assertThat(profiler.count(cifar.withoutBatchNorm()).params()).isLessThan(trained.params());
    assertThat(profiler.count(cifar.withoutBatchNorm()).flops()).isEqualTo(trained.flops());
    NetworkSpec small = NetworkSpec.cifar(registry.get("PC_DARTS_cifar"), 8, 5, 10, false);
    ProfileRecord p =
        profiler.profile(small, "PC_DARTS_cifar", new LatencySpec(DeviceSpec.CPU, 1, 1, 2), "t");
    assertThat(p.params()).isEqualTo(profiler.count(small).params());
    assertThat(p.paramsWithAux()).isEqualTo(profiler.count(small).paramsWithAux());
    assertThat(p.flops()).isEqualTo(profiler.count(small).flops());
    assertThat(p.latency().meanMs()).isPositive();
    assertThat(p.latency().device()).startsWith("cpu (");
    assertThat(p.network()).isEqualTo(NetworkKind.CIFAR);
  }

  private static int batchNorms(Block block) {
    int n = block instanceof SyncBatchNorm ? 1 : 0;
    for (Pair<String, Block> child : block.getChildren()) {
      n += batchNorms(child.getValue());
    }
    return n;
  }
}
