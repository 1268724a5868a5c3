package org.moodnas.spark;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local-cluster master without a SPARK_HOME/jars is refused in one line, before Spark hangs. */
class SparkSessionsTest {

  @TempDir Path dir;

  @Test
  void localClusterNeedsSparkHomeWithJars() throws Exception {
    String master = "local-cluster[2,1,1024]";
    assertThatThrownBy(() -> SparkSessions.checkLocalCluster(master, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(master)
        .hasMessageContaining("SPARK_HOME is not set");
    assertThatThrownBy(() -> SparkSessions.checkLocalCluster(master, dir.toString()))
        .hasMessageContaining(dir + " has no jars/");
    Files.createDirectory(dir.resolve("jars"));
    assertThatCode(() -> SparkSessions.checkLocalCluster(master, dir.toString()))
        .doesNotThrowAnyException();
  }

  @Test
  void otherMastersNeedNoSparkHome() {
    for (String master : new String[] {"local[2]", "local[*]", "spark://head:7077", ""}) {
      assertThatCode(() -> SparkSessions.checkLocalCluster(master, null))
          .doesNotThrowAnyException();
    }
  }
}
