package org.moodnas.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodnas.space.GenotypeRegistry;

class EvalCandidateTest {

  @Test
  void identicalGenotypesAreTrainedOnceUnderTheFirstName() {
    GenotypeRegistry r = GenotypeRegistry.bundled();
    List<EvalCandidate> list =
        List.of(
            new EvalCandidate("l2_loss_1e01", r.get("l2_loss_1e01"), null, null),
            new EvalCandidate("DARTS_V2", r.get("DARTS_V2"), null, null),
            new EvalCandidate("l2_loss_6e02", r.get("l2_loss_6e02"), null, null),
            new EvalCandidate("again", r.get("DARTS_V2"), "run", 0.5));
    EvalCandidate.Deduplicated d = EvalCandidate.deduplicate(list);
    assertThat(d.kept())
        .extracting(EvalCandidate::arch)
        .containsExactly("l2_loss_1e01", "DARTS_V2");
    // merges are reported in list order
    assertThat(d.mergedInto())
        .containsExactly(entry("l2_loss_6e02", "l2_loss_1e01"), entry("again", "DARTS_V2"));
  }
}
