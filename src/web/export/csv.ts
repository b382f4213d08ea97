/**
 * RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, a quote,
 * or a line break, quotes doubled. UTF-8 without a byte-order mark.
 */
import { EDGE_COLUMNS, NODE_COLUMNS, edgeValues, nodeValues, type GraphExport, type Scalar } from './model.js';

export function csvField(value: Scalar | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRows(header: string[], rows: Scalar[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function nodesCsv(graph: GraphExport): string {
  const keys = NODE_COLUMNS.map((c) => c.key);
  return csvRows(['id', ...keys], graph.nodes.map((n) => {
    const v = nodeValues(n);
    return [n.id, ...keys.map((k) => v[k] ?? null)];
  }));
}

/** Edges: `relationship` rather than `type`, which Gephi's spreadsheet import reads as directed/undirected. */
export function edgesCsv(graph: GraphExport): string {
  const keys = EDGE_COLUMNS.map((c) => c.key).filter((k) => k !== 'type');
  return csvRows(['id', 'source', 'target', 'relationship', ...keys], graph.edges.map((e) => {
    const v = edgeValues(e);
    return [e.id, e.source, e.target, e.type, ...keys.map((k) => v[k] ?? null)];
  }));
}
