package org.moodnas.analysis.report;

import static org.moodnas.analysis.report.HtmlCells.escape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One cell of a genotype as inline SVG, drawn like visualize.py's Graphviz pictures: the two cell
 * inputs c_{k-2} and c_{k-1} (green), the intermediate nodes 0, 1, … (blue), the output c_{k}
 * (yellow), left to right; an arrow per operation labelled with it, and unlabelled arrows into
 * c_{k}. Laid out here rather than by Graphviz, so the report needs no external program, and
 * deterministically: a node's column is one more than that of its furthest-right input, nodes of a
 * column stacked in index order, an arrow bent more the more columns it spans. Each operation is a
 * {@code g.op-edge} with its label in a {@code text.op-label} (drawn over the nodes so none hides
 * it); the arrows into c_{k} are {@code g.concat-edge}.
 */
final class CellDiagram {

  private static final int NODE_W = 74;
  private static final int NODE_H = 32;
  private static final int COLUMN = 250;
  private static final int ROW = 84;
  private static final int MARGIN = 28;
  private static final double LABEL_AT = 0.7;
  // visualize.py's Graphviz colours: darkseagreen2, lightblue, palegoldenrod
  private static final String[] FILLS = {"#b4eeb4", "#add8e6", "#eee8aa"};

  private CellDiagram() {}

  /**
   * @param title the SVG's accessible name
   * @param ops each edge's operation, two per intermediate node, in node order
   * @param inputs each edge's input: 0 c_{k-2}, 1 c_{k-1}, k ≥ 2 intermediate node k − 2
   * @param concat the states concatenated into c_{k} (2 + node index for intermediate nodes)
   * @throws IllegalArgumentException when the lists do not describe a cell
   */
  static String svg(String title, List<String> ops, List<Integer> inputs, List<Integer> concat) {
    if (ops.size() != inputs.size() || ops.isEmpty() || ops.size() % 2 != 0) {
      throw new IllegalArgumentException(
          String.format(
              "a cell needs two edges per node and an input per edge, got %d operations and %d"
                  + " inputs",
              ops.size(), inputs.size()));
    }
    int states = ops.size() / 2 + 2;
    int[] column = columns(inputs, concat);
    // rows: states of each column in index order; the output is state "states"
    Map<Integer, List<Integer>> byColumn = new LinkedHashMap<>();
    for (int s = 0; s <= states; s++) {
      byColumn.computeIfAbsent(column[s], k -> new ArrayList<>()).add(s);
    }
    int rows = byColumn.values().stream().mapToInt(List::size).max().orElse(1);
    double[] bends = bends(inputs, column);
    double reach = Arrays.stream(bends).map(Math::abs).max().orElse(0);
    // room above and below for the edges arching over the nodes they skip
    int pad = MARGIN + (int) Math.ceil(reach);
    int width = 2 * MARGIN + column[states] * COLUMN + NODE_W;
    int height = 2 * pad + (rows - 1) * ROW + NODE_H;
    double[][] centre = new double[states + 1][];
    for (List<Integer> inColumn : byColumn.values()) {
      double top = pad + NODE_H / 2.0 + (rows - inColumn.size()) * ROW / 2.0;
      for (int i = 0; i < inColumn.size(); i++) {
        int s = inColumn.get(i);
        centre[s] = new double[] {MARGIN + NODE_W / 2.0 + column[s] * COLUMN, top + i * ROW};
      }
    }
    StringBuilder svg = header(title, width, height);
    StringBuilder labels = new StringBuilder();
    for (int e = 0; e < ops.size(); e++) {
      int from = inputs.get(e);
      int to = e / 2 + 2;
      double[] at =
          arrow(
              svg,
              "op-edge",
              " data-op=\"" + escape(ops.get(e)) + "\"",
              centre[from],
              centre[to],
              bends[e]);
      label(labels, ops.get(e), at);
    }
    for (int c : concat) {
      arrow(svg, "concat-edge", "", centre[c], centre[states], 0);
    }
    for (int s = 0; s <= states; s++) {
      node(svg, s, states, centre[s]);
    }
    return svg.append(labels).append("</svg>").toString();
  }

  /** The svg element, sized and titled (no xmlns: inline in HTML it needs none). */
  private static StringBuilder header(String title, int width, int height) {
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg class=\"cell\" width=\"%d\""
                    + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                width,
                height,
                width,
                height,
                escape(title)))
        .append("<title>")
        .append(escape(title))
        .append("</title>");
    return svg;
  }

  /** Each edge's bend: a second edge between the same two nodes bends the other way. */
  private static double[] bends(List<Integer> inputs, int[] column) {
    double[] bends = new double[inputs.size()];
    Map<String, Integer> parallel = new LinkedHashMap<>();
    for (int e = 0; e < inputs.size(); e++) {
      int from = inputs.get(e);
      int to = e / 2 + 2;
      int twin = parallel.merge(from + ">" + to, 1, Integer::sum) - 1;
      bends[e] = bend(column[to] - column[from], e, twin);
    }
    return bends;
  }

  /** An operation's name at {@code at}, haloed white so the lines under it do not strike it. */
  private static void label(StringBuilder labels, String op, double[] at) {
    labels.append(
        String.format(
            Locale.ROOT,
            "<text class=\"op-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\""
                + " dominant-baseline=\"middle\" font-size=\"13\" font-family=\"Times, serif\""
                + " fill=\"#222\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">%s</text>",
            at[0],
            at[1],
            escape(op)));
  }

  /** State s as a box with its name: c_{k-2}, c_{k-1}, the node's index, or c_{k}. */
  private static void node(StringBuilder svg, int s, int states, double[] at) {
    String name =
        s == 0 ? "c_{k-2}" : s == 1 ? "c_{k-1}" : s == states ? "c_{k}" : String.valueOf(s - 2);
    String fill = FILLS[s < 2 ? 0 : s == states ? 2 : 1];
    svg.append(
        String.format(
            Locale.ROOT,
            "<g class=\"node\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"3\""
                + " fill=\"%s\" stroke=\"#333\" stroke-width=\"2\"/><text x=\"%.1f\" y=\"%.1f\""
                + " text-anchor=\"middle\" dominant-baseline=\"middle\" font-size=\"16\""
                + " font-family=\"Times, serif\">%s</text></g>",
            at[0] - NODE_W / 2.0,
            at[1] - NODE_H / 2.0,
            NODE_W,
            NODE_H,
            fill,
            at[0],
            at[1],
            escape(name)));
  }

  /**
   * The column of each state (the output last): inputs 0, a node one right of its furthest-right
   * input, the output one right of the furthest-right state it concatenates.
   */
  private static int[] columns(List<Integer> inputs, List<Integer> concat) {
    int states = inputs.size() / 2 + 2;
    int[] column = new int[states + 1];
    for (int e = 0; e < inputs.size(); e++) {
      int to = e / 2 + 2;
      int from = inputs.get(e);
      if (from < 0 || from >= to) {
        throw new IllegalArgumentException(
            String.format(
                "edge %d of node %d reads state %d, allowed 0..%d", e, to - 2, from, to - 1));
      }
      column[to] = Math.max(column[to], column[from] + 1);
    }
    for (int c : concat) {
      if (c < 0 || c >= states) {
        throw new IllegalArgumentException("concatenated state " + c + " is not in 0.." + states);
      }
      column[states] = Math.max(column[states], column[c] + 1);
    }
    return column;
  }

  /**
   * Sideways offset of an edge's middle: an edge to the next column runs straight (a twin bends
   * aside), a longer one arches over or under the nodes it skips, alternately.
   */
  private static double bend(int span, int edge, int twin) {
    double sign = (edge + twin) % 2 == 0 ? -1 : 1;
    double arch = span > 1 ? NODE_H / 2.0 + 20 + 16 * (span - 2) : 0;
    return sign * (arch + (twin > 0 ? 26 : 0));
  }

  /**
   * A quadratic curve from the right side of one node to the left side of another with an
   * arrowhead, appended as a group of the given class; returns where its label goes: the curve at
   * 0.7 of its way, where edges leaving one node for several have spread apart and edges converging
   * on one node have not yet met.
   */
  private static double[] arrow(
      StringBuilder svg, String cls, String attributes, double[] a, double[] b, double bend) {
    double x0 = a[0] + NODE_W / 2.0;
    double y0 = a[1];
    double x2 = b[0] - NODE_W / 2.0;
    double y2 = b[1];
    double dx = x2 - x0;
    double dy = y2 - y0;
    double length = Math.max(1, Math.hypot(dx, dy));
    // control point: the chord's middle moved sideways by twice the bend (the curve's middle then
    // lies bend away from the chord)
    double cx = (x0 + x2) / 2 - dy / length * 2 * bend;
    double cy = (y0 + y2) / 2 + dx / length * 2 * bend;
    double tx = x2 - cx;
    double ty = y2 - cy;
    double t = Math.max(1e-9, Math.hypot(tx, ty));
    tx /= t;
    ty /= t;
    double head = 9;
    svg.append(
        String.format(
            Locale.ROOT,
            "<g class=\"%s\"%s><path d=\"M %.1f %.1f Q %.1f %.1f %.1f %.1f\" fill=\"none\""
                + " stroke=\"#777\" stroke-width=\"1.6\"/><polygon points=\"%.1f,%.1f %.1f,%.1f"
                + " %.1f,%.1f\" fill=\"#777\"/></g>",
            cls,
            attributes,
            x0,
            y0,
            cx,
            cy,
            x2,
            y2,
            x2,
            y2,
            x2 - head * tx - head / 2 * ty,
            y2 - head * ty + head / 2 * tx,
            x2 - head * tx + head / 2 * ty,
            y2 - head * ty - head / 2 * tx));
    double u = LABEL_AT;
    return new double[] {
      (1 - u) * (1 - u) * x0 + 2 * u * (1 - u) * cx + u * u * x2,
      (1 - u) * (1 - u) * y0 + 2 * u * (1 - u) * cy + u * u * y2
    };
  }
}
