package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * {@code analyse} of the search run {@code s} and the tiny train run {@code tiny} of {@link
 * TinyTrainedRuns} (profiling the search's genotypes first), run once for the test classes of this
 * JVM that read what it printed and wrote.
 */
record TinyAnalysis(Path out, CliRun analyse) {

  private static TinyAnalysis made;

  static synchronized TinyAnalysis get() {
    if (made == null) {
      TinyTrainedRuns runs = TinyTrainedRuns.get();
      Path out = runs.dir().resolve("analysis");
      CliRun analyse =
          CliRun.of(
              "analyse",
              "--search-run",
              "s",
              "--train-run",
              "tiny",
              "--warehouse",
              runs.wh(),
              "--out",
              out.toString(),
              "--profile-missing",
              "--profile-warmup",
              "1",
              "--profile-runs",
              "2",
              "--master",
              "local[2]");
      assertThat(analyse.code()).as(analyse.err()).isZero();
      made = new TinyAnalysis(out, analyse);
    }
    return made;
  }
}
