package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.testing.TinyStep;

class MoodNasTest {

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void genotypesShowPrintsCanonicalJson() {
    CliRun r = run("genotypes", "show", "PC_DARTS_cifar");
    assertThat(r.code()).isZero();
    assertThat(r.out().trim()).isEqualTo(GenotypeRegistry.bundled().get("PC_DARTS_cifar").toJson());
  }

  @Test
  void genotypesListHasEveryName() {
    CliRun r = run("genotypes", "list");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().count()).isEqualTo(71); // header + 70
    assertThat(r.out()).contains("l2_loss_1e01").contains("l2_loss_6e02");
  }

  @Test
  void genotypesNamesAppliesTheRunRule() {
    CliRun r = run("genotypes", "names", "--objective", "l2", "0.00429", "0.00425");
    assertThat(r.out().lines()).containsExactly("l2_loss_429e05", "l2_loss_425e05");
    assertThat(run("genotypes", "names", "--objective", "l1", "7.436404993225855e-06").out().trim())
        .isEqualTo("l1_loss_7e06");
  }

  @Test
  void unknownNameExitsTwoWithTheClosestNames() {
    CliRun r = run("genotypes", "show", "PC_DARTS_cifr");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("unknown genotype 'PC_DARTS_cifr'").contains("PC_DARTS_cifar");
    assertThat(r.out()).isEmpty();
    assertThat(run("profile", "--arch", "DARTS_V3").err()).contains("DARTS_V2");
  }

  @Test
  void badOptionValuesExitTwoInOneLine() {
    for (String[] args :
        new String[][] {
          {"profile", "--arch", "DARTS_V2", "--layers", "many"},
          {"profile", "--arch", "DARTS_V2", "--format", "xml"},
          {"profile", "--arch", "DARTS_V2", "--init-channels", "7"},
          {"profile", "--arch", "DARTS_V2", "--device", "tpu"},
          {"profile", "--all", "--arch", "DARTS_V2"},
          {"profile", "--genotype", "{\"normal\": ["},
          {"profile", "--genotype", "{\"normal\":[[\"conv_9x9\",0],[\"skip_connect\",1]]}"},
          {"genotypes", "names", "--objective", "l3", "0.1"},
          {"genotypes", "names", "--objective", "l1", "-0.1"},
          {"bench", "search-step", "--threads", "0"},
          {"bench", "eval-step", "--steps", "0"},
          {"bench", "search-step", "--trace", "/no/such/folder/trace.json"},
          {"bench", "search-step", "--trace", System.getProperty("java.io.tmpdir")},
          {"bench", "sweep", "--real", "--trials", "0"},
          {"nonsense"},
        }) {
      CliRun r = run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1);
      assertThat(r.err()).startsWith("mood-nas: ");
    }
    assertThat(run("profile", "--arch", "DARTS_V2", "--device", "tpu").err())
        .contains("'tpu' is not a device");
    assertThat(run("profile", "--genotype", "{\"normal\":[[\"conv_9x9\",0]]}").err())
        .contains("conv_9x9");
    assertThat(run("bench", "search-step", "--threads", "0").err())
        .isEqualTo("mood-nas: --threads 0: must be ≥ 1\n");
  }

  @Test
  void aStepBenchmarkReportsItsThreadsAndWhatItTrains() throws Exception {
    CliRun r = run(TinyStep.args("bench", "search-step"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode row = new ObjectMapper().readTree(r.out().lines().reduce((a, b) -> b).orElseThrow());
    assertThat(row.get("threads").asInt()).isEqualTo(1);
    assertThat(row.get("batch_size").asInt()).isEqualTo(4);
    // the supernet at 8 channels: the trained values of a same-shaped PyTorch network are checked
    // by jobs/bench-reference (BenchReferenceIT)
    assertThat(row.get("trained_params").asLong()).isPositive();
    assertThat(row.get("images_per_sec").asDouble()).isPositive();
    assertThat(r.out()).startsWith("search-step: 1 thread(s), glibc, batch 4,");
    assertThat(row.get("allocator").asText()).isEqualTo("glibc"); // in-process, no preload
  }

  @Test
  void profileJsonCarriesThePublishedPcDartsFigures() throws Exception {
    CliRun r = run("profile", "--arch", "PC_DARTS_cifar", "--format", "json");
    assertThat(r.code()).isZero();
    JsonNode row = new ObjectMapper().readTree(r.out());
    assertThat(row.get("name").asText()).isEqualTo("PC_DARTS_cifar");
    assertThat(row.get("params").asLong()).isEqualTo(3_634_678L);
    assertThat(row.get("params_with_aux").asLong()).isEqualTo(4_111_104L);
    assertThat(row.get("param_size_mb").asDouble()).isEqualTo(3.634678);
    assertThat(row.get("flops").asLong()).isEqualTo(556_670_592L);
    assertThat(row.has("latency_cpu_ms")).isFalse();
  }

  @Test
  void profileAllGivesOneJsonObjectPerRegistryGenotype() throws Exception {
    CliRun r =
        run("profile", "--all", "--format", "json", "--init-channels", "16", "--layers", "8");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).hasSize(70);
    for (String line : r.out().lines().toList()) {
      JsonNode row = new ObjectMapper().readTree(line);
      assertThat(row.get("params").asLong())
          .isPositive()
          .isLessThan(row.get("params_with_aux").asLong());
    }
    assertThat(r.err()).contains("[70/70]");
  }

  @Test
  void profileOfGenotypeJsonWithLatency() throws Exception {
    String json = GenotypeRegistry.bundled().get("l2_loss_2e01").toJson();
    CliRun r =
        run(
            "profile",
            "--genotype",
            json,
            "--init-channels",
            "8",
            "--layers",
            "5",
            "--latency",
            "--batch-size",
            "2",
            "--format",
            "json");
    assertThat(r.code()).isZero();
    JsonNode row = new ObjectMapper().readTree(r.out());
    assertThat(row.get("name").asText())
        .isEqualTo("genotype_" + GenotypeRegistry.bundled().get("l2_loss_2e01").hash());
    assertThat(row.get("latency_cpu_ms").asDouble()).isPositive();
    assertThat(row.get("batch_size").asInt()).isEqualTo(2);
  }

  @Test
  void imageNetProfileUsesTheImageNetStem() throws Exception {
    CliRun r =
        run(
            "profile",
            "--arch",
            "PC_DARTS_image",
            "--network",
            "imagenet",
            "--init-channels",
            "48",
            "--layers",
            "14",
            "--classes",
            "1000",
            "--format",
            "json");
    JsonNode row = new ObjectMapper().readTree(r.out());
    // PC-DARTS publishes 5.3M parameters for its ImageNet network.
    assertThat(row.get("params").asLong()).isEqualTo(5_342_464L);
  }
}
