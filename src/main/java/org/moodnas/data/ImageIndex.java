package org.moodnas.data;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * The (file, label) list of one split folder ({@code SPLIT/CLASS/*}), listed once and cached beside
 * the data: listing ImageNet's 1.28 M files takes minutes on an object store, the class folders a
 * moment. The cache file's name carries a hash of the class folders' names and modification times
 * (a folder's time changes when files are added or removed in it), so a changed folder is listed
 * again. Where the data folder is not writable the index is listed every time, and {@link
 * #origin()} says so.
 *
 * @param files paths relative to the split folder ({@code CLASS/NAME}), class after class, each
 *     class in name order
 * @param origin how the index was obtained, for the log
 */
public record ImageIndex(List<String> files, int[] labels, String origin) {

  static final String CACHE_FOLDER = ".mood-nas-index";
  private static final List<String> EXTENSIONS = List.of(".jpeg", ".jpg", ".png", ".bmp", ".gif");

  /** The index of {@code split}, labelling each class folder by its index in {@code classes}. */
  public static ImageIndex of(Path split, List<String> classes, Configuration conf) {
    Map<String, Integer> label = new HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      label.put(classes.get(i), i);
    }
    List<FileStatus> folders = new ArrayList<>();
    for (FileStatus s : HadoopFiles.list(split, conf)) {
      if (s.isDirectory() && !hidden(s.getPath().getName())) {
        if (!label.containsKey(s.getPath().getName())) {
          throw new DatasetFormatException(
              s.getPath().toString(), "class folder is not one of the training classes");
        }
        folders.add(s);
      }
    }
    Path cache =
        new Path(
            new Path(split.getParent(), CACHE_FOLDER),
            split.getName() + "-" + key(folders, classes) + ".tsv.gz");
    if (HadoopFiles.exists(cache, conf)) {
      return read(cache, label, conf);
    }
    List<String> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (FileStatus folder : folders) {
      String name = folder.getPath().getName();
      for (FileStatus s : HadoopFiles.list(folder.getPath(), conf)) {
        if (s.isFile() && isImage(s.getPath().getName())) {
          files.add(name + "/" + s.getPath().getName());
          labels.add(label.get(name));
        }
      }
    }
    if (files.isEmpty()) {
      throw new DatasetFormatException(split.toString(), "no image files in the class folders");
    }
    String origin = write(cache, files, conf);
    return new ImageIndex(files, labels.stream().mapToInt(Integer::intValue).toArray(), origin);
  }

  private static String write(Path cache, List<String> files, Configuration conf) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(String.join("\n", files).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      HadoopFiles.writeAtomically(cache, bytes.toByteArray(), conf);
      return "listed " + files.size() + " files, index cached in " + cache;
    } catch (IOException e) {
      return "listed " + files.size() + " files (index not cached: " + e.getMessage() + ")";
    }
  }

  private static ImageIndex read(Path cache, Map<String, Integer> label, Configuration conf) {
    List<String> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(HadoopFiles.open(cache, conf), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Integer l = label.get(line.substring(0, Math.max(0, line.indexOf('/'))));
        if (l == null) {
          throw new DatasetFormatException(cache.toString(), "not an index: " + line);
        }
        files.add(line);
        labels.add(l);
      }
    } catch (IOException e) {
      throw new DatasetFormatException(cache.toString(), HadoopFiles.gzipProblem(e), e);
    }
    return new ImageIndex(
        files,
        labels.stream().mapToInt(Integer::intValue).toArray(),
        "index of " + files.size() + " files read from " + cache);
  }

  private static String key(List<FileStatus> folders, List<String> classes) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(String.join("\n", classes).getBytes(StandardCharsets.UTF_8));
      for (FileStatus f : folders) {
        String entry = "\n" + f.getPath().getName() + "@" + f.getModificationTime();
        sha.update(entry.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  private static boolean isImage(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !hidden(name) && EXTENSIONS.stream().anyMatch(lower::endsWith);
  }
}
