package org.moodnas.profile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.space.GenotypeRegistry;

class ProfilerTest {

  private final Profiler profiler = new Profiler(1, 3);
  private final GenotypeRegistry registry = GenotypeRegistry.bundled();

  private Profile cifar10(String name) {
    return profiler.count(NetworkSpec.cifar(registry.get(name), 36, 20, 10, false));
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
  void latencyIsAPositiveMedian() {
    NetworkSpec spec = NetworkSpec.cifar(registry.get("l2_loss_2e01"), 8, 5, 10, false);
    double ms = profiler.latencyMs(spec, Device.cpu(), 2);
    assertThat(ms).isPositive().isLessThan(60_000);
  }
}
