package org.moodnas.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, for tests that must see a page as a browser does: after its scripts
 * ran and its images decoded. Each call starts a fresh browser with its own profile folder, deleted
 * afterwards, so calls share nothing and leave nothing. jobs/test installs Chromium
 * (jobs/lib/chromium.sh).
 */
public final class HeadlessChromium {

  private static final long TIMEOUT_SECONDS = 60;
  private static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--allow-file-access-from-files",
          "--virtual-time-budget=5000",
          "--no-first-run",
          "--no-default-browser-check",
          "--hide-scrollbars");

  private static Optional<String> unavailable;

  private HeadlessChromium() {}

  /** Empty when Chromium renders a page here; else why not, in one line. Checked once per JVM. */
  public static synchronized Optional<String> unavailable() {
    if (unavailable == null) {
      unavailable = check();
    }
    return unavailable;
  }

  /**
   * For a test's start: fails when Chromium does not run here (jobs/test installs it), saying why.
   */
  public static void require() {
    Optional<String> reason = unavailable();
    if (reason.isPresent()) {
      throw new AssertionError(reason.get());
    }
  }

  private static Optional<String> check() {
    if (!onPath("chromium")) {
      return Optional.of("chromium is not on PATH: jobs/test installs it (jobs/lib/chromium.sh)");
    }
    try {
      Path page = Files.createTempFile("chromium-check", ".html");
      try {
        Files.writeString(page, "<body><script>document.body.id = 'ran'</script></body>");
        return renderedDom(page).contains("id=\"ran\"")
            ? Optional.empty()
            : Optional.of("chromium ran but did not run the page's script");
      } finally {
        Files.deleteIfExists(page);
      }
    } catch (IOException | RuntimeException e) {
      return Optional.of("chromium does not run: " + e.getMessage());
    }
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /** The page's DOM once its scripts ran (--dump-dom). */
  public static String renderedDom(Path html) {
    return run(List.of("--dump-dom", html.toUri().toString()));
  }

  /**
   * The DOM of a copy of the page with probeScript appended before {@code </body>}: the probe
   * reports what only the live page knows (images decoded, a click's effect) in DOM attributes.
   */
  public static String renderedDomWithProbe(Path html, String probeScript) {
    try {
      Path folder = Files.createTempDirectory("chromium-probe");
      try {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        int end = page.lastIndexOf("</body>");
        String probe = "<script>\n" + probeScript + "\n</script>\n";
        String probed =
            end < 0 ? page + probe : page.substring(0, end) + probe + page.substring(end);
        Path copy = folder.resolve(html.getFileName().toString());
        Files.writeString(copy, probed, StandardCharsets.UTF_8);
        return renderedDom(copy);
      } finally {
        delete(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PNG of the page's first width × height pixels. */
  public static void screenshot(Path html, Path png, int width, int height) {
    run(
        List.of(
            "--screenshot=" + png.toAbsolutePath(),
            "--window-size=" + width + "," + height,
            html.toUri().toString()));
    if (!Files.isRegularFile(png)) {
      throw new IllegalStateException("chromium wrote no screenshot to " + png);
    }
  }

  /** Output and errors go to files: neither pipe can fill up and block the browser. */
  private static String run(List<String> arguments) {
    try {
      Path folder = Files.createTempDirectory("chromium");
      try {
        List<String> command = new ArrayList<>(List.of("chromium"));
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + folder.resolve("profile"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", folder.resolve("cache").toString());
        Path out = folder.resolve("stdout");
        Path err = folder.resolve("stderr");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
          throw new IllegalStateException("chromium took over " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              "chromium exited with " + process.exitValue() + ": " + lastError(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
      } finally {
        delete(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while chromium ran", e);
    }
  }

  /** Chromium logs D-Bus complaints on every start in a container; the cause is elsewhere. */
  private static String lastError(Path err) throws IOException {
    List<String> lines =
        Files.readAllLines(err).stream()
            .filter(l -> !l.isBlank() && !l.contains("dbus") && !l.contains("unexpected operator"))
            .toList();
    return lines.isEmpty() ? "(nothing on stderr)" : lines.get(lines.size() - 1).strip();
  }

  /** Best effort: a browser helper still exiting may hold a file for a moment. */
  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // Left in the temporary folder; nothing reads it again.
    }
  }
}
