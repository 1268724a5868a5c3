package org.moodnas.analysis.report;

/**
 * The report's only script: sorts a table by the clicked header. Numbers sort by their
 * full-precision data-value, not their rounded text; missing cells stay last in either direction;
 * ties keep their order. Written without line comments, since a report is checked for "//"
 * (protocol-relative URLs).
 */
final class SortScript {

  static final String JS =
      """
      (function () {
        var collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});
        function key(cell, numeric) {
          if (!cell || cell.classList.contains('missing')) { return null; }
          if (!numeric) { return cell.textContent; }
          var v = parseFloat(cell.getAttribute('data-value'));
          return isNaN(v) ? null : v;
        }
        function sort(table, th) {
          var index = Array.prototype.indexOf.call(th.parentNode.children, th);
          var numeric = th.getAttribute('data-type') === 'number';
          var ascending = th.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('thead th').forEach(function (h) {
            h.setAttribute('aria-sort', 'none');
          });
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var body = table.tBodies[0];
          var rows = Array.prototype.map.call(body.rows, function (row, i) {
            return {row: row, i: i, k: key(row.cells[index], numeric)};
          });
          rows.sort(function (a, b) {
            if (a.k === null || b.k === null) {
              return a.k === null ? (b.k === null ? a.i - b.i : 1) : -1;
            }
            var c = numeric ? a.k - b.k : collator.compare(a.k, b.k);
            return (ascending ? c : -c) || a.i - b.i;
          });
          rows.forEach(function (r) { body.appendChild(r.row); });
        }
        document.querySelectorAll('table.sortable thead th').forEach(function (th) {
          th.addEventListener('click', function () { sort(th.closest('table'), th); });
        });
      })();
      """;

  private SortScript() {}
}
