package org.moodnas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * target/mood-nas-VERSION-spark.jar beside the Spark jars Maven resolved (the test cluster's
 * SPARK_HOME/jars): together they hold every runtime dependency, and no class twice.
 */
class SparkJarIT {

  private static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  private static Path sparkJar() throws IOException {
    try (Stream<Path> target = Files.list(ROOT.resolve("target"))) {
      return target
          .filter(p -> p.getFileName().toString().matches("mood-nas-.*-spark\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no target/mood-nas-*-spark.jar"));
    }
  }

  private static Set<String> entries(Path jar) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      return new HashSet<>(
          j.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).toList());
    }
  }

  private static boolean bundled(Path jar) {
    String name = jar.getFileName().toString();
    return StandaloneCluster.NOT_IN_SPARK.stream().anyMatch(name::startsWith);
  }

  /** Where an entry of a bundled dependency lands: picocli is relocated. */
  private static String shaded(String entry) {
    return entry.startsWith("picocli/") ? "org/moodnas/shaded/" + entry : entry;
  }

  private static boolean ours(String entry) {
    return !entry.startsWith("META-INF/")
        && !entry.endsWith("module-info.class")
        && !entry.equals("LICENSE")
        && !entry.equals("NOTICE");
  }

  @Test
  void theJarHoldsWhatSparkLacksAndNothingSparkHas() throws Exception {
    Path jar = sparkJar();
    Set<String> app = entries(jar);
    try (JarFile j = new JarFile(jar.toFile())) {
      assertThat(j.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("org.moodnas.cli.MoodNas");
    }
    assertThat(app)
        .contains("org/moodnas/cli/MoodNas.class", "org/moodnas/spark/spark-defaults.conf");

    Path spark = StandaloneCluster.sparkHome(ROOT, dir).resolve("jars");
    List<Path> lib;
    try (Stream<Path> s = Files.list(ROOT.resolve("target/lib"))) {
      lib = s.sorted().toList();
    }
    Set<String> missing = new TreeSet<>();
    Set<String> twice = new TreeSet<>();
    Set<String> prefixesSeen = new HashSet<>();
    for (Path dep : lib) {
      String name = dep.getFileName().toString();
      if (bundled(dep)) {
        StandaloneCluster.NOT_IN_SPARK.stream().filter(name::startsWith).forEach(prefixesSeen::add);
        // everything of it, the CPU build's libtorch included
        for (String e : entries(dep)) {
          if (ours(e) && !app.contains(shaded(e))) {
            missing.add(name + " " + e);
          }
        }
      } else {
        assertThat(spark.resolve(name)).as("in SPARK_HOME/jars").exists();
        for (String e : entries(dep)) {
          if (e.endsWith(".class") && ours(e) && app.contains(e)) {
            twice.add(name + " " + e);
          }
        }
      }
    }
    assertThat(prefixesSeen).containsExactlyInAnyOrderElementsOf(StandaloneCluster.NOT_IN_SPARK);
    assertThat(missing).as("bundled dependencies' entries not in the jar").isEmpty();
    assertThat(twice).as("classes in the jar and in Spark's jars").isEmpty();
    // the relocated picocli: none left at its own name, where another copy could shadow it
    assertThat(app).noneMatch(e -> e.startsWith("picocli/"));
  }
}
