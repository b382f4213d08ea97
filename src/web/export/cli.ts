/**
 * `npm run graph -- export <format> <file>`: the same files as GET /export/…, written to disk.
 * Formats: graphml, gexf, json (Cytoscape), nodes-csv, edges-csv, or `all` with a folder,
 * which writes the five files under their usual names. `-` as the file writes to stdout.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../../store/port.js';
import { EXPORT_FORMATS, findFormat } from './index.js';
import { readGraphExport } from './model.js';

export const EXPORT_USAGE = `export <format> <file>      write the whole graph with citations: graphml, gexf (Gephi, dynamic),
                              json (Cytoscape), nodes-csv, edges-csv; or "all <folder>" for all five`;

export class ExportUsageError extends Error {}

/** Writes the export; returns what it wrote (file paths and sizes) for the CLI to print, or '' for stdout. */
export async function exportCommand(store: Store, format: string | undefined, file: string | undefined): Promise<string> {
  if (!format || !file) throw new ExportUsageError(`usage: npm run graph -- ${EXPORT_USAGE}`);
  const formats = format === 'all' ? EXPORT_FORMATS : [findFormat(format)].filter((f) => f !== undefined);
  if (formats.length === 0) {
    throw new ExportUsageError(`unknown export format "${format}": use ${EXPORT_FORMATS.map((f) => f.name).join(', ')} or all`);
  }
  if (format === 'all' && file === '-') throw new ExportUsageError('"all" writes five files: give a folder, not -');
  const graph = await readGraphExport(store);
  const lines: string[] = [];
  if (format === 'all') await mkdir(file, { recursive: true });
  for (const f of formats) {
    const text = f.serialise(graph);
    if (file === '-') {
      process.stdout.write(text);
      continue;
    }
    const path = format === 'all' ? join(file, f.file) : file;
    await writeFile(path, text, 'utf8');
    lines.push(`${path}: ${f.name}, ${Buffer.byteLength(text)} bytes`);
  }
  // Nothing to report on stdout when the export itself went there.
  if (file === '-') return '';
  lines.push(`${graph.nodes.length} nodes, ${graph.edges.length} relationships`);
  return lines.join('\n');
}
