package org.moodnas.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenotypeNamesTest {

  @Test
  void singleValuesUseOneSignificantDigit() {
    assertThat(GenotypeNames.name("l2", 0.2)).isEqualTo("l2_loss_2e01");
    assertThat(GenotypeNames.name("l1", 7.436404993225855e-06)).isEqualTo("l1_loss_7e06");
    assertThat(GenotypeNames.name("l2", 0.00429)).isEqualTo("l2_loss_4e03");
    // one digit rounds 0.0996 up to 0.1; the exponent is the unrounded ν's: 0.1 × 10² = 10
    assertThat(GenotypeNames.name("l2", 0.0996)).isEqualTo("l2_loss_10e02");
    assertThat(GenotypeNames.name("l1", 0.0)).isEqualTo("l1_loss_0e00");
  }

  @Test
  void digitsGrowUntilTheRunsValuesAreApart() {
    // 4.25e-3 rounds half up to 4.3e-3 at two digits, so three are needed.
    assertThat(GenotypeNames.names("l2", List.of(0.00429, 0.00425)))
        .containsExactly("l2_loss_429e05", "l2_loss_425e05");
    assertThat(GenotypeNames.names("l2", List.of(0.2, 0.1, 0.0023)))
        .containsExactly("l2_loss_2e01", "l2_loss_1e01", "l2_loss_2e03");
  }

  @Test
  void eachValueTakesTheDigitsThatSetItApartNotTheRunsMost() {
    assertThat(GenotypeNames.names("l2", List.of(0.2, 0.0, 0.00429, 0.00425)))
        .containsExactly("l2_loss_2e01", "l2_loss_0e00", "l2_loss_429e05", "l2_loss_425e05");
    assertThat(GenotypeNames.names("l2", List.of(0.2, 0.0, 0.000433, 0.000444, 0.0004401)))
        .containsExactly(
            "l2_loss_2e01", "l2_loss_0e00", "l2_loss_43e05", "l2_loss_444e06", "l2_loss_440e06");
    assertThat(GenotypeNames.names("l2", List.of(0.0996, 0.2)))
        .containsExactly("l2_loss_10e02", "l2_loss_2e01");
  }

  /**
   * The published tables' model names from their weights, each table one run. Not the CIFAR-10 L2
   * evaluation table: it holds only the trained genotypes of its run, and its 196e05 / 191e05 need
   * a ν of the search that was not trained (two digits already tell 0.00196 and 0.00191 from every
   * ν the table has).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "cifar10_l1_train.csv",
        "cifar10_l1_l2fix_train.csv",
        "cifar10_l1_l2fix_search.csv",
        "cifar100_l1_l2fix_train.csv",
        "cifar100_l1_l2fix_search.csv"
      })
  void thePublishedTablesNamesFollowFromTheirWeights(String table) throws Exception {
    List<String> lines =
        Files.readAllLines(Path.of(getClass().getResource("/published/" + table).toURI()));
    List<String> header = List.of(lines.get(0).split(","));
    int weight = header.stream().map(String::toLowerCase).toList().indexOf("weight");
    List<Double> weights = new ArrayList<>();
    List<String> published = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      weights.add(Double.parseDouble(cells[weight]));
      // l1_loss_30e05_l2_3e04_cifar100 → l1_loss_30e05; the search tables write L1_loss_…
      String[] parts = cells[0].toLowerCase(Locale.ROOT).split("_");
      published.add(parts[0] + "_" + parts[1] + "_" + parts[2]);
    }
    assertThat(weights).hasSizeGreaterThan(5);
    assertThat(GenotypeNames.names("l1", weights)).isEqualTo(published);
  }

  @Test
  void trailingZerosOfTheMantissaStayAsPublished() {
    // Published: l1_loss_30e05_l2_3e04_cifar100 next to l1_loss_28e05_…
    assertThat(GenotypeNames.names("l1", List.of(3.0e-5, 2.8e-5)))
        .containsExactly("l1_loss_30e06", "l1_loss_28e06");
    assertThat(GenotypeNames.names("l1", List.of(3.0e-4, 2.8e-4)))
        .containsExactly("l1_loss_30e05", "l1_loss_28e05");
  }

  @Test
  void equalValuesShareTheirName() {
    assertThat(GenotypeNames.names("l1", List.of(1e-3, 1e-3, 2e-3)))
        .containsExactly("l1_loss_1e03", "l1_loss_1e03", "l1_loss_2e03");
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> GenotypeNames.name("l3", 0.1))
        .hasMessageContaining("'l3' is not l1 or l2");
    assertThatThrownBy(() -> GenotypeNames.name("l1", -0.1))
        .hasMessageContaining("not a finite number ≥ 0");
    assertThatThrownBy(() -> GenotypeNames.name("l1", Double.NaN)).hasMessageContaining("NaN");
  }
}
