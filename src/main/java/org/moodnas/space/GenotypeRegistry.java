package org.moodnas.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published genotypes (NASNet, AmoebaNet, DARTS, PC-DARTS, MOOD-NAS), loaded from the bundled
 * copy of genotypes.json. Names keep the published spelling; several names may share one genotype
 * (aliases: equal content hash).
 */
public final class GenotypeRegistry {

  private static final String RESOURCE = "/org/moodnas/space/genotypes.json";
  private static final GenotypeRegistry BUNDLED = load();

  private final Map<String, Genotype> byName;

  private GenotypeRegistry(Map<String, Genotype> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** The registry bundled with the product. */
  public static GenotypeRegistry bundled() {
    return BUNDLED;
  }

  private static GenotypeRegistry load() {
    try (InputStream in = GenotypeRegistry.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
      }
      JsonNode genotypes = new ObjectMapper().readTree(in).get("genotypes");
      Map<String, Genotype> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = genotypes.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        map.put(e.getKey(), Genotype.fromJson(e.getValue()));
      }
      return new GenotypeRegistry(map);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Names in the order of the published file. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** The genotype of that name, or an error naming the closest known names. */
  public Genotype get(String name) {
    Genotype g = byName.get(name);
    if (g == null) {
      throw new UnknownGenotypeException(name, closest(name, 3));
    }
    return g;
  }

  /** Other names of the same genotype (same content), in file order. */
  public List<String> aliasesOf(String name) {
    String hash = get(name).hash();
    return byName.entrySet().stream()
        .filter(e -> !e.getKey().equals(name) && e.getValue().hash().equals(hash))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The known names nearest to {@code name} by edit distance (case-insensitive). */
  public List<String> closest(String name, int count) {
    String query = name.toLowerCase();
    return byName.keySet().stream()
        .sorted(Comparator.comparingInt((String n) -> editDistance(query, n.toLowerCase())))
        .limit(count)
        .toList();
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
