package org.moodnas;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape the code keeps: packages import each other as docs/architecture.md draws it, without
 * cycles, and files and methods stay short unless a "Long:" comment next to them says why.
 */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/org/moodnas");
  private static final Path TEST = Path.of("src/test/java/org/moodnas");
  private static final Pattern USE = Pattern.compile("org\\.moodnas\\.([a-z.]+)\\.[A-Z]");
  private static final Pattern ARROW = Pattern.compile("^(\\S+)\\s+→\\s*(.*)$");
  private static final int MAX_FILE_LINES = 250;
  private static final int MAX_METHOD_LINES = 60;

  private static Map<String, Set<String>> imports;

  @BeforeAll
  static void readMainSources() {
    StaticJavaParser.getParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
    imports = new TreeMap<>();
    for (Path f : javaFiles(MAIN)) {
      String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
      Set<String> deps = imports.computeIfAbsent(pkg, k -> new TreeSet<>());
      Matcher m = USE.matcher(read(f));
      while (m.find()) {
        if (!m.group(1).equals(pkg)) {
          deps.add(m.group(1));
        }
      }
    }
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The package diagram of docs/architecture.md: "pkg → dep, dep" lines in its first block. */
  private static Map<String, Set<String>> documented() {
    String doc = read(Path.of("docs/architecture.md"));
    int start = doc.indexOf("```text", doc.indexOf("## Packages"));
    String block = doc.substring(start + 7, doc.indexOf("```", start + 7));
    Map<String, Set<String>> out = new TreeMap<>();
    for (String line : block.strip().split("\n")) {
      Matcher m = ARROW.matcher(line.strip());
      assertThat(m.matches()).as("diagram line '%s'", line).isTrue();
      Set<String> deps = new TreeSet<>();
      for (String d : m.group(2).split(",")) {
        if (!d.isBlank()) {
          deps.add(d.strip());
        }
      }
      out.put(m.group(1), deps);
    }
    return out;
  }

  @Test
  void packagesImportEachOtherAsTheArchitectureDocumentDraws() {
    assertThat(imports).isEqualTo(documented());
  }

  @Test
  void noPackageImportsItselfBack() {
    for (String start : imports.keySet()) {
      Set<String> reached = new TreeSet<>();
      List<String> todo = new ArrayList<>(imports.get(start));
      while (!todo.isEmpty()) {
        String p = todo.remove(todo.size() - 1);
        if (reached.add(p)) {
          todo.addAll(imports.getOrDefault(p, Set.of()));
        }
      }
      assertThat(reached).as("packages %s reaches", start).doesNotContain(start);
    }
  }

  @Test
  void valueTypesAndTablesNeverLookUp() {
    assertThat(imports.get("core")).containsOnly("space");
    assertThat(imports.get("store")).doesNotContain("train", "spark", "analysis", "cli");
    assertThat(imports.get("pareto")).containsOnly("core");
  }

  @Test
  void filesAndMethodsStayShortUnlessTheySayWhy() {
    List<String> tooLong = new ArrayList<>();
    for (Path f : Stream.concat(javaFiles(MAIN).stream(), javaFiles(TEST).stream()).toList()) {
      List<String> lines = read(f).lines().toList();
      CompilationUnit unit = StaticJavaParser.parse(String.join("\n", lines));
      int declared = unit.getType(0).getBegin().orElseThrow().line;
      if (lines.size() > MAX_FILE_LINES && !explained(lines, 1, declared + 1)) {
        tooLong.add(f + ": " + lines.size() + " lines");
      }
      for (CallableDeclaration<?> d : unit.findAll(CallableDeclaration.class)) {
        int begin = d.getBegin().orElseThrow().line;
        int length = d.getEnd().orElseThrow().line - begin + 1;
        if (length > MAX_METHOD_LINES && !explained(lines, begin - 4, begin + 1)) {
          tooLong.add(f + ":" + begin + " " + d.getNameAsString() + ": " + length + " lines");
        }
      }
    }
    assertThat(tooLong).isEmpty();
  }

  /** A "Long:" comment in lines [from, to) (1-based, clipped) says why something is long. */
  private static boolean explained(List<String> lines, int from, int to) {
    for (int i = Math.max(1, from); i < Math.min(lines.size() + 1, to); i++) {
      if (lines.get(i - 1).contains("Long: ")) {
        return true;
      }
    }
    return false;
  }
}
