package org.moodnas.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GenotypeNamesTest {

  @Test
  void singleValuesUseOneSignificantDigit() {
    assertThat(GenotypeNames.name("l2", 0.2)).isEqualTo("l2_loss_2e01");
    assertThat(GenotypeNames.name("l1", 7.436404993225855e-06)).isEqualTo("l1_loss_7e06");
    assertThat(GenotypeNames.name("l2", 0.00429)).isEqualTo("l2_loss_4e03");
    assertThat(GenotypeNames.name("l2", 0.0996)).isEqualTo("l2_loss_1e01");
    assertThat(GenotypeNames.name("l1", 0.0)).isEqualTo("l1_loss_0");
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
