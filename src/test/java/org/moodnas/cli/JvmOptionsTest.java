package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launcher (conf/jvm.options) and Surefire (pom.xml) must pass the same Spark JVM flags. */
class JvmOptionsTest {

  @Test
  void launcherAndTestJvmShareTheFlags() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher m =
        Pattern.compile("<spark.jvm.flags>(.*?)</spark.jvm.flags>", Pattern.DOTALL).matcher(pom);
    assertThat(m.find()).isTrue();
    List<String> fromPom = Arrays.asList(m.group(1).trim().split("\\s+"));
    List<String> fromConf =
        Files.readAllLines(Path.of("conf/jvm.options")).stream()
            .map(String::trim)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertThat(fromConf).isEqualTo(fromPom);
    assertThat(fromConf).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
  }
}
