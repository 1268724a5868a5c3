package org.moodnas.analysis.report;

/**
 * The report's style sheet, inline so the page opens offline: system fonts, numbers right-aligned
 * in tabular figures so columns compare at a glance, missing values grey and italic, notices in
 * amber, and the sort direction as an arrow on the sorted column.
 */
final class ReportStyle {

  static final String CSS =
      """
      body { font: 15px/1.45 system-ui, "DejaVu Sans", sans-serif; color: #222; margin: 0;
        background: #fff; }
      main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }
      h1 { font-size: 26px; margin: 8px 0 16px; }
      h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
      p.note { background: #fff4d6; border-left: 4px solid #e0a100; padding: 8px 12px; }
      .scroll { overflow-x: auto; margin: 12px 0; }
      table { border-collapse: collapse; font-size: 14px; }
      caption { text-align: left; font-weight: 600; padding: 4px 0; }
      th, td { border: 1px solid #ddd; padding: 4px 10px; }
      thead th { background: #f2f4f7; padding: 0; white-space: nowrap; }
      thead th button { font: inherit; font-weight: 600; color: inherit; background: none;
        border: 0; padding: 4px 10px; width: 100%; text-align: left; cursor: pointer; }
      thead th button::after { content: " \\21C5"; opacity: 0.35; }
      thead th[aria-sort="ascending"] button::after { content: " \\25B2"; opacity: 1; }
      thead th[aria-sort="descending"] button::after { content: " \\25BC"; opacity: 1; }
      tbody tr:nth-child(even) { background: #fafafa; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      td.missing { color: #999; font-style: italic; }
      figure { margin: 16px 0; }
      figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
      figure svg.cell { max-width: 100%; height: auto; border: 1px solid #eee; }
      figcaption { color: #555; font-size: 14px; margin-top: 4px; }
      """;

  private ReportStyle() {}
}
