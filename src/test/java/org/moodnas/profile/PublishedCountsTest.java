package org.moodnas.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.space.GenotypeRegistry;

/**
 * Every genotype the published evaluation tables name has, by our count, their Parameters and FLOPs
 * to the unit: Parameters include the auxiliary head, FLOPs do not, and both were counted with a
 * 10-class classifier at 36 channels and 20 cells — the CIFAR-100 table's too.
 */
class PublishedCountsTest {

  private static final List<String> TABLES =
      List.of(
          "cifar10_l1_train.csv",
          "cifar10_l2_train.csv",
          "cifar10_l1_l2fix_train.csv",
          "cifar100_l1_l2fix_train.csv");

  @Test
  void parametersAndFlopsOfEveryNamedGenotypeEqualOurCount() throws Exception {
    GenotypeRegistry registry = GenotypeRegistry.bundled();
    Map<String, long[]> published = new LinkedHashMap<>();
    for (String table : TABLES) {
      List<String> lines =
          Files.readAllLines(Path.of(getClass().getResource("/published/" + table).toURI()));
      List<String> header = List.of(lines.get(0).split(","));
      int params = header.indexOf("Parameters");
      int flops = header.indexOf("FLOPs");
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        published.put(
            cells[0], new long[] {Long.parseLong(cells[params]), Long.parseLong(cells[flops])});
      }
    }
    assertThat(published).hasSizeGreaterThan(40);
    Profiler profiler = new Profiler();
    SoftAssertions soft = new SoftAssertions();
    for (Map.Entry<String, long[]> e : published.entrySet()) {
      Profile p = profiler.count(NetworkSpec.cifar(registry.get(e.getKey()), 36, 20, 10, false));
      soft.assertThat(new long[] {p.paramsWithAux(), p.flops()})
          .as(e.getKey())
          .containsExactly(e.getValue());
    }
    soft.assertAll();
  }
}
