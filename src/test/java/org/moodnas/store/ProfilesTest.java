package org.moodnas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.Latency;
import org.moodnas.core.LatencySpec;
import org.moodnas.core.LatencySync;
import org.moodnas.core.NetworkKind;
import org.moodnas.core.ProfileRecord;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.spark.SparkSessions;

/** profiles: a measurement is recorded once per key, whoever records it and however often. */
class ProfilesTest {

  @TempDir Path dir;

  private Profiles profiles() {
    return new Profiles(
        new Warehouse(SparkSessions.getOrCreate("local[2]"), dir.resolve("wh").toString()));
  }

  private static ProfileRecord profile(String name, Latency latency, String source) {
    return new ProfileRecord(
        GenotypeRegistry.bundled().get(name),
        name,
        NetworkKind.CIFAR,
        36,
        20,
        10,
        3_634_678L,
        4_111_104L,
        556_670_592L,
        latency,
        source,
        Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  private static Latency cpu(double ms) {
    return new Latency(ms, LatencySpec.defaults(DeviceSpec.CPU), "cpu (2 threads) AMD EPYC");
  }

  @Test
  void aKeyRecordedBeforeIsNotRecordedAgainNullsIncluded() {
    Profiles table = profiles();
    ProfileRecord timed = profile("PC_DARTS_cifar", cpu(12.5), "profile");
    ProfileRecord counted = profile("PC_DARTS_cifar", null, "profile");
    table.record(List.of(timed, counted, counted));
    table.record(List.of(profile("PC_DARTS_cifar", cpu(13.0), "train-1"), counted));
    List<ProfileRecord> rows = table.read();
    assertThat(rows).hasSize(2).contains(timed, counted);
    table.record(List.of(profile("DARTS_V2", null, "train-1")));
    assertThat(table.read()).hasSize(3);
    assertThat(table.latest()).hasSize(3);
  }

  @Test
  void theLatencySynchronizationIsRecordedAndPartOfTheKey() {
    Profiles table = profiles();
    ProfileRecord published = profile("PC_DARTS_cifar", cpu(12.5), "profile");
    LatencySpec everyPass = new LatencySpec(DeviceSpec.CPU, 1, 50, 50, LatencySync.EVERY_PASS);
    ProfileRecord waited =
        profile("PC_DARTS_cifar", new Latency(14.0, everyPass, "cpu (2 threads) AMD EPYC"), "p");
    table.record(List.of(published, waited));
    assertThat(table.read()).hasSize(2).contains(published, waited);
    assertThat(table.read())
        .extracting(p -> p.latency().spec().sync())
        .containsExactlyInAnyOrder(LatencySync.NONE, LatencySync.EVERY_PASS);
  }

  @Test
  void writersAtOnceRecordAKeyOnce() {
    Profiles table = profiles();
    List<CompletableFuture<Void>> writers =
        List.of("train-1", "train-2", "profile").stream()
            .map(
                source ->
                    CompletableFuture.runAsync(
                        () -> table.record(List.of(profile("DARTS_V2", cpu(9.0), source)))))
            .toList();
    writers.forEach(CompletableFuture::join);
    assertThat(table.read()).hasSize(1);
  }
}
