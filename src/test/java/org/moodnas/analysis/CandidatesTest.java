package org.moodnas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodnas.core.EvalCandidate;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.testing.Trials;

class CandidatesTest {

  private static final GenotypeRegistry REGISTRY = GenotypeRegistry.bundled();

  @Test
  void identicalGenotypesAreTrainedOnceUnderTheFirstName() {
    List<EvalCandidate> list =
        List.of(
            new EvalCandidate("l2_loss_1e01", REGISTRY.get("l2_loss_1e01"), null, null),
            new EvalCandidate("DARTS_V2", REGISTRY.get("DARTS_V2"), null, null),
            new EvalCandidate("l2_loss_6e02", REGISTRY.get("l2_loss_6e02"), null, null),
            new EvalCandidate("again", REGISTRY.get("DARTS_V2"), "run", 0.5));
    Candidates.Deduplicated d = Candidates.deduplicate(list);
    assertThat(d.kept())
        .extracting(EvalCandidate::arch)
        .containsExactly("l2_loss_1e01", "DARTS_V2");
    // merges are reported in list order
    assertThat(d.mergedInto())
        .containsExactly(entry("l2_loss_6e02", "l2_loss_1e01"), entry("again", "DARTS_V2"));
  }

  @Test
  void aSearchRunsFrontBecomesCandidatesNamedByNu() {
    List<EvalCandidate> c =
        Candidates.fromSearch(
            "s",
            List.of(
                Trials.ok(0.1, 1.0, 2.0, REGISTRY.get("l2_loss_1e01")),
                Trials.ok(0.0, 3.0, 1.0, REGISTRY.get("PC_DARTS_cifar")),
                Trials.ok(0.03, 3.5, 1.8, REGISTRY.get("DARTS_V2"))),
            true);
    assertThat(c).extracting(EvalCandidate::arch).containsExactly("l2_loss_1e01", "l2_loss_0e00");
    assertThat(c).extracting(EvalCandidate::sourceRunId).containsOnly("s");
    assertThat(c.get(1).genotype()).isEqualTo(REGISTRY.get("PC_DARTS_cifar"));
  }

  @Test
  void aSimulatedSweepHasNoGenotypesToTrain() {
    assertThatThrownBy(
            () -> Candidates.fromSearch("sim", List.of(Trials.ok(0.2, 0.1, 0.9, null)), false))
        .hasMessage("run 'sim' has no genotypes (a simulated sweep?)");
  }
}
