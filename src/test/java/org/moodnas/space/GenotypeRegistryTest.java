package org.moodnas.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GenotypeRegistryTest {

  private final GenotypeRegistry registry = GenotypeRegistry.bundled();

  @Test
  void holdsAllSeventyPublishedNamesInFileOrder() {
    assertThat(registry.names()).hasSize(70);
    assertThat(registry.names().subList(0, 6))
        .containsExactly(
            "NASNet", "AmoebaNet", "DARTS_V1", "DARTS_V2", "PC_DARTS_cifar", "PC_DARTS_image");
    assertThat(registry.names()).contains("l2_loss_2e01", "l1_loss_3e05_l2_3e04_cifar100");
  }

  @Test
  void publishedOnlyOperationsAreKept() {
    assertThat(registry.get("NASNet").primitives()).contains(Primitive.SEP_CONV_7X7);
    assertThat(registry.get("AmoebaNet").primitives()).contains(Primitive.CONV_7X1_1X7);
    assertThat(registry.get("NASNet").normalSteps()).isEqualTo(5);
    assertThat(Primitive.SEARCH_SPACE).hasSize(8).doesNotContain(Primitive.SEP_CONV_7X7);
  }

  @Test
  void aliasesAreNamesOfTheSameGenotype() {
    assertThat(registry.aliasesOf("l2_loss_1e01")).containsExactly("l2_loss_6e02");
    assertThat(registry.aliasesOf("l2_loss_6e02")).containsExactly("l2_loss_1e01");
    // Same operations, but node 2 reads its inputs in the other order: a different genotype.
    assertThat(registry.aliasesOf("l2_loss_2e01")).isEmpty();
    assertThat(registry.aliasesOf("PC_DARTS_cifar")).isEmpty();
  }

  @Test
  void unknownNameSuggestsTheClosest() {
    assertThatThrownBy(() -> registry.get("PC_DARTS_cifr"))
        .isInstanceOf(UnknownGenotypeException.class)
        .hasMessageStartingWith("unknown genotype 'PC_DARTS_cifr'; closest known: PC_DARTS_cifar");
    assertThat(registry.closest("darts_v2", 1)).containsExactly("DARTS_V2");
  }
}
