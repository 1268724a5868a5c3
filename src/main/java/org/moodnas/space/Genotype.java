package org.moodnas.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cell architecture: the normal and the reduction cell, each a list of edges (two per
 * intermediate node) and the nodes concatenated into the cell's output.
 */
public record Genotype(
    List<Edge> normal, List<Integer> normalConcat, List<Edge> reduce, List<Integer> reduceConcat)
    implements java.io.Serializable {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Genotype {
    normal = List.copyOf(normal);
    normalConcat = List.copyOf(normalConcat);
    reduce = List.copyOf(reduce);
    reduceConcat = List.copyOf(reduceConcat);
    validateCell("normal", normal, normalConcat);
    validateCell("reduce", reduce, reduceConcat);
  }

  /** Intermediate nodes of the normal cell (the reduction cell may differ only for NASNet-like). */
  public int normalSteps() {
    return normal.size() / 2;
  }

  public int reduceSteps() {
    return reduce.size() / 2;
  }

  /** Every operation the genotype uses, in order of first appearance. */
  public Set<Primitive> primitives() {
    Set<Primitive> ops = new java.util.LinkedHashSet<>();
    normal.forEach(e -> ops.add(e.op()));
    reduce.forEach(e -> ops.add(e.op()));
    return ops;
  }

  /**
   * Canonical JSON: keys normal, normal_concat, reduce, reduce_concat in that order, edges as [op,
   * input], no whitespace. Equal genotypes give equal strings.
   */
  public String toJson() {
    return "{\"normal\":"
        + edgesJson(normal)
        + ",\"normal_concat\":"
        + indicesJson(normalConcat)
        + ",\"reduce\":"
        + edgesJson(reduce)
        + ",\"reduce_concat\":"
        + indicesJson(reduceConcat)
        + "}";
  }

  /** First 16 hex digits of the SHA-256 of the canonical JSON: a stable content id. */
  public String hash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(toJson().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** Parses genotype JSON in the shape of genotypes.json; throws a one-line error otherwise. */
  public static Genotype fromJson(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new GenotypeFormatException(
          "genotype JSON is malformed: " + e.getOriginalMessage().replace('\n', ' '));
    }
    if (node == null || !node.isObject()) {
      throw new GenotypeFormatException("genotype JSON must be an object with normal, reduce, …");
    }
    return fromJson(node);
  }

  static Genotype fromJson(JsonNode node) {
    return new Genotype(
        edges(node, "normal"), concat(node, "normal_concat"),
        edges(node, "reduce"), concat(node, "reduce_concat"));
  }

  private static List<Edge> edges(JsonNode node, String key) {
    JsonNode list = node.get(key);
    if (list == null || !list.isArray()) {
      throw new GenotypeFormatException(
          "genotype JSON: '" + key + "' must be a list of [op, input]");
    }
    List<Edge> edges = new ArrayList<>();
    for (JsonNode e : list) {
      if (!e.isArray() || e.size() != 2 || !e.get(0).isTextual() || !e.get(1).isInt()) {
        throw new GenotypeFormatException(
            "genotype JSON: '" + key + "' edge " + e + " is not [\"op\", input]");
      }
      String name = e.get(0).asText();
      Primitive op =
          Primitive.byName(name)
              .orElseThrow(
                  () ->
                      new GenotypeFormatException(
                          "genotype JSON: unknown operation '"
                              + name
                              + "' in '"
                              + key
                              + "'; known: "
                              + java.util.Arrays.toString(Primitive.values())));
      edges.add(new Edge(op, e.get(1).asInt()));
    }
    return edges;
  }

  private static List<Integer> concat(JsonNode node, String key) {
    JsonNode list = node.get(key);
    if (list == null || !list.isArray()) {
      throw new GenotypeFormatException(
          "genotype JSON: '" + key + "' must be a list of node indices");
    }
    List<Integer> out = new ArrayList<>();
    for (JsonNode i : list) {
      if (!i.isInt()) {
        throw new GenotypeFormatException(
            "genotype JSON: '" + key + "' holds " + i + ", not an index");
      }
      out.add(i.asInt());
    }
    return out;
  }

  private static void validateCell(String cell, List<Edge> edges, List<Integer> concat) {
    if (edges.isEmpty() || edges.size() % 2 != 0) {
      throw new GenotypeFormatException(
          "genotype: '" + cell + "' needs two edges per node, got " + edges.size() + " edges");
    }
    for (int i = 0; i < edges.size(); i++) {
      Edge e = edges.get(i);
      int node = i / 2;
      if (e.op() == null) {
        throw new GenotypeFormatException(
            "genotype: '" + cell + "' edge " + i + " has no operation");
      }
      if (e.input() < 0 || e.input() > node + 1) {
        throw new GenotypeFormatException(
            "genotype: '"
                + cell
                + "' edge "
                + i
                + " (node "
                + (node + 2)
                + ") reads input "
                + e.input()
                + ", allowed 0.."
                + (node + 1));
      }
    }
    int states = edges.size() / 2 + 2;
    Set<Integer> seen = new HashSet<>();
    if (concat.isEmpty()) {
      throw new GenotypeFormatException("genotype: '" + cell + "_concat' is empty");
    }
    for (int i : concat) {
      if (i < 0 || i >= states || !seen.add(i)) {
        throw new GenotypeFormatException(
            "genotype: '"
                + cell
                + "_concat' "
                + concat
                + " must name distinct nodes in 0.."
                + (states - 1));
      }
    }
  }

  private static String indicesJson(List<Integer> indices) {
    return indices.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
  }

  private static String edgesJson(List<Edge> edges) {
    return edges.stream()
        .map(e -> "[\"" + e.op().opName() + "\"," + e.input() + "]")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
