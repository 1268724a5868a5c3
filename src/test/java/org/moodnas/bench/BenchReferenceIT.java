package org.moodnas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.moodnas.testing.TinyStep;

/**
 * jobs/bench-reference at a tiny shape: PyTorch eager (Debian's python3-torch) and our engine run
 * the same search and evaluation steps, one after the other, and the script compares them. Runs
 * after packaging (Failsafe), since the script starts jobs/mood-nas.
 */
class BenchReferenceIT {

  private static final Path ROOT = Path.of("").toAbsolutePath();

  private record Run(int exit, String out, String err) {}

  /** The output's JSON lines that hold {@code key}. */
  private static List<JsonNode> jsonLines(String out, String key) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.lines().toList()) {
      if (line.startsWith("{") && line.contains("\"" + key + "\"")) {
        lines.add(json.readTree(line));
      }
    }
    return lines;
  }

  private static Run run(String... args) throws IOException, InterruptedException {
    return run(Map.of(), "jobs/bench-reference", args);
  }

  private static Run run(Map<String, String> env, String script, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", ROOT.resolve(script).toString()));
    cmd.addAll(List.of(args));
    // stderr to a file: a full pipe that nobody reads would block the process
    Path errFile = Files.createTempFile("bench-reference", ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(errFile.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String err = Files.readString(errFile);
    Files.delete(errFile);
    return new Run(p.exitValue(), out, err);
  }

  @Test
  void bothEnginesTrainTheSameNetworksAndTheirRatiosArePrinted() throws Exception {
    Run r = run(TinyStep.args("both"));
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> summaries = jsonLines(r.out(), "speed_ratio");
    assertThat(summaries)
        .extracting(s -> s.get("bench").asText())
        .containsExactly("search-step", "eval-step");
    for (JsonNode s : summaries) {
      JsonNode ours = s.get("ours");
      JsonNode torch = s.get("pytorch");
      // same shapes: the two engines train exactly as many values, on one thread, batch 4
      assertThat(ours.get("trained_params").asLong())
          .isPositive()
          .isEqualTo(torch.get("trained_params").asLong());
      assertThat(ours.get("threads").asInt()).isEqualTo(1);
      assertThat(torch.get("threads").asInt()).isEqualTo(1);
      assertThat(torch.get("batch_size").asInt()).isEqualTo(4);
      assertThat(torch.get("engine").asText()).startsWith("pytorch 1.");
      assertThat(s.get("speed_ratio").asDouble())
          .isCloseTo(
              ours.get("images_per_sec").asDouble() / torch.get("images_per_sec").asDouble(),
              org.assertj.core.data.Offset.offset(1e-9));
      assertThat(s.get("peak_rss_ratio").asDouble())
          .isCloseTo(
              ours.get("peak_rss_mb").asDouble() / torch.get("peak_rss_mb").asDouble(),
              org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(r.out())
        // the launcher's default (auto): glibc-reuse for search steps, tcmalloc for evaluation
        // steps (jobs/test installs it), as each of the process reports from its own memory map
        .containsPattern(
            "search-step: threads 1, batch 4, mood-nas on glibc-reuse, \\d+ trained values")
        .containsPattern(
            "eval-step: threads 1, batch 4, mood-nas on tcmalloc, \\d+ trained values");
  }

  @Test
  void roundsRepeatThePairAndEndWithTheMedianOfTheirRatios() throws Exception {
    Path traces = Files.createTempDirectory("bench-traces");
    Run r = run(TinyStep.args("search-step", "--rounds", "2", "--trace", traces.toString()));
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> pairs = jsonLines(r.out(), "speed_ratio");
    List<Double> speed = pairs.stream().map(p -> p.get("speed_ratio").asDouble()).toList();
    List<Double> memory = pairs.stream().map(p -> p.get("peak_rss_ratio").asDouble()).toList();
    assertThat(speed).hasSize(2);
    List<JsonNode> summary = jsonLines(r.out(), "rounds");
    assertThat(summary).as(r.out()).isNotEmpty();
    JsonNode rounds = summary.get(summary.size() - 1);
    assertThat(rounds.get("rounds").asInt()).isEqualTo(2);
    // the rounds in the order they ran, and the median of two: their mean
    assertThat(rounds.get("speed_ratios")).extracting(JsonNode::asDouble).isEqualTo(speed);
    assertThat(rounds.get("peak_rss_ratios")).extracting(JsonNode::asDouble).isEqualTo(memory);
    assertThat(rounds.get("median_speed_ratio").asDouble())
        .isCloseTo((speed.get(0) + speed.get(1)) / 2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(rounds.get("median_peak_rss_ratio").asDouble())
        .isCloseTo((memory.get(0) + memory.get(1)) / 2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(r.out()).containsPattern("search-step: 2 rounds \\| speed ratios [0-9.x ]+, median");
    assertThat(r.err()).contains("round 2 of 2: mood-nas");
    // each engine's trace of one more step in the last round, and their ops side by side
    for (String engine : new String[] {"mood-nas", "pytorch"}) {
      JsonNode trace =
          new ObjectMapper().readTree(traces.resolve("search-step." + engine + ".json").toFile());
      JsonNode events = trace.isArray() ? trace : trace.get("traceEvents");
      assertThat(events.findValuesAsText("name")).as(engine).contains("aten::convolution_backward");
    }
    assertThat(r.out().lines().filter(l -> l.startsWith("aten::convolution_backward")))
        .hasSize(1)
        .allMatch(l -> l.split("\\s+").length == 5, "op, then ms and calls of each engine");
    assertThat(r.out()).contains("op (self time)").contains("mood-nas ms").contains("PyTorch ms");
  }

  @Test
  void theLauncherRunsOnTheAllocatorAsked() throws Exception {
    String[] tiny = TinyStep.args("bench", "search-step");
    Run r = run(Map.of("MOOD_NAS_ALLOCATOR", "jemalloc"), "jobs/mood-nas", tiny);
    assertThat(r.exit()).as(r.err()).isZero();
    // what the process finds loaded in its own memory map, not what it was told
    assertThat(r.out()).startsWith("search-step: 1 thread(s), jemalloc, batch 4,");
    Run plain = run(Map.of("MOOD_NAS_ALLOCATOR", "glibc"), "jobs/mood-nas", tiny);
    assertThat(plain.exit()).as(plain.err()).isZero();
    assertThat(plain.out()).startsWith("search-step: 1 thread(s), glibc, batch 4,");
    Run tc = run(Map.of("MOOD_NAS_ALLOCATOR", "tcmalloc"), "jobs/mood-nas", tiny);
    assertThat(tc.exit()).as(tc.err()).isZero();
    assertThat(tc.out()).startsWith("search-step: 1 thread(s), tcmalloc, batch 4,");
    Run bad = run(Map.of("MOOD_NAS_ALLOCATOR", "mimalloc"), "jobs/mood-nas", tiny);
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip())
        .isEqualTo(
            "mood-nas: MOOD_NAS_ALLOCATOR=mimalloc: not an allocator (auto, glibc-reuse, glibc, glibc-huge, jemalloc or tcmalloc)");
  }

  @Test
  void badOptionsExitTwoInOneLine() throws Exception {
    for (String[] args :
        new String[][] {
          {"--threads", "x"},
          {"--layers", "-1"},
          {"--frobnicate"},
          {"--steps"},
          {"--rounds", "0"},
          {"--trace", "/no/such/folder"}
        }) {
      Run r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1);
      assertThat(r.err()).startsWith("bench-reference: ");
      assertThat(r.out()).isEmpty();
    }
  }
}
